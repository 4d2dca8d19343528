using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>
/// <c>bench scale [--cases N] [--db FILE]</c>: a database of N licensing cases in realistic states, built through the
/// engine's own write path (CaseService), then the service started on it and each user-facing list timed over HTTP.
/// Ends with one line: <c>scale: cases=N p99_max_ms=… worst=… rss_mb=…</c>.
/// </summary>
public static class ScaleBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var cases = 1_000_000;
        string? db = null;
        var requests = 40;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--cases" && i + 1 < args.Length) cases = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--db" && i + 1 < args.Length) db = Path.GetFullPath(args[++i]);
            else if (args[i] == "--requests" && i + 1 < args.Length) requests = int.Parse(args[++i], CultureInfo.InvariantCulture);
        }
        using var folder = db is null ? new BenchFolder() : null;
        db ??= folder!.Database;

        var existing = File.Exists(db) ? await CountAsync(db, "SELECT COUNT(*) FROM cases WHERE definition_id = 'licensing-approval'") : 0;
        if (existing < cases)
        {
            var watch = Stopwatch.StartNew();
            await BuildAsync(db, existing, cases, output);
            output.WriteLine($"  built {cases - existing:N0} cases in {watch.Elapsed.TotalSeconds:N0} s ({(cases - existing) / watch.Elapsed.TotalSeconds:N0} cases/s)");
        }
        else output.WriteLine($"  reusing {db} with {existing:N0} cases");
        foreach (var (name, sql) in new[]
        {
            ("running", "SELECT COUNT(*) FROM cases WHERE status = 'running'"), ("closed", "SELECT COUNT(*) FROM cases WHERE status = 'closed'"),
            ("open tasks", "SELECT COUNT(*) FROM tasks"), ("paused", "SELECT COUNT(*) FROM deadlines WHERE paused = 1"),
            ("alerts", "SELECT COUNT(*) FROM alerts"), ("risk events", "SELECT COUNT(*) FROM risk_events"),
        })
            output.WriteLine($"  {name}: {await CountAsync(db, sql):N0}");

        await using var app = BenchServer.Build(db);
        await app.StartAsync();
        // Let the start's catch-up of missed timers finish before timing anything.
        long alerts = -1, now;
        while ((now = await CountAsync(db, "SELECT COUNT(*) FROM alerts")) != alerts) { alerts = now; await Task.Delay(2000); }
        var address = app.Urls.First();
        var clerk = await LoginAsync(address, "window");
        var supervisor = await LoginAsync(address, "supervisor");
        var someCase = (await clerk.GetFromJsonAsync<JsonElement>("/api/cases?limit=1")).GetProperty("items")[0];
        var caseId = someCase.GetProperty("id").GetString();
        var caseNo = someCase.GetProperty("caseNo").GetString();

        (string Name, HttpClient Client, string Url)[] endpoints =
        [
            ("work list first page", clerk, "/api/tasks"),
            ("case page", clerk, $"/api/cases/{caseId}"),
            ("case search (running)", clerk, "/api/cases?status=running"),
            ("case search (by number)", clerk, $"/api/cases?q={caseNo}"),
            ("deadlines red", supervisor, "/api/deadlines?level=red"),
            ("deadlines yellow", supervisor, "/api/deadlines?level=yellow"),
            ("alerts", supervisor, "/api/alerts?status=open"),
            ("risk ledger", supervisor, "/api/risk-events"),
            ("on-time stats", supervisor, "/api/stats/on-time"),
        ];
        output.WriteLine();
        output.WriteLine($"| endpoint ({cases:N0} cases) | p50 ms | p99 ms |");
        output.WriteLine("| --- | --- | --- |");
        var worst = ("", 0.0);
        foreach (var (name, client, url) in endpoints)
        {
            (await client.GetAsync(url)).EnsureSuccessStatusCode();
            var times = new List<double>();
            for (var i = 0; i < requests; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            var p50 = times[times.Count / 2];
            var p99 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.99) - 1)];
            if (p99 > worst.Item2) worst = (name, p99);
            output.WriteLine($"| {name} | {p50:0.0} | {p99:0.0} |");
        }
        var rss = Process.GetCurrentProcess().WorkingSet64 / (1024.0 * 1024.0);
        await app.StopAsync();
        output.WriteLine();
        output.WriteLine(FormattableString.Invariant($"scale: cases={cases} p99_max_ms={worst.Item2:0.0} worst={worst.Item1.Replace(' ', '_')} rss_mb={rss:0}"));
        return 0;
    }

    /// <summary>
    /// Cases <paramref name="from"/>…<paramref name="to"/> through CaseService, started over the past months on a settable clock:
    /// 30 % at intake, 20 % in review, 10 % paused (expert review), 10 % left overdue at review, 30 % closed.
    /// </summary>
    private static async Task BuildAsync(string db, long from, int to, TextWriter output)
    {
        var today = TimeProvider.System.GetUtcNow();
        var clock = new SettableClock(today);
        await using var env = await BenchEnvironment.CreateAsync(db, clock, synchronous: "OFF");
        var watch = Stopwatch.StartNew();
        for (var i = from; i < to; i++)
        {
            var kind = (int)(i % 10);
            var daysBack = kind switch
            {
                < 3 => i % 4,                  // intake: today … three days ago (some step limits yellow or red)
                < 5 => i % 6,                  // review
                5 => 3 + i % 10,               // paused
                6 => 40 + i % 20,              // overdue
                _ => 20 + i % 150,             // closed over the past months
            };
            clock.Now = today.AddDays(-daysBack).AddMinutes(-(i % 600));
            var result = await env.Cases.StartAsync("licensing-approval", LicensingSample.Application, LicensingSample.Clerk);
            if (!result.IsApplied) throw new InvalidOperationException($"Seed case refused: {result.Outcome}");
            if (kind >= 3)
            {
                var steps = kind switch { < 5 => 1, 5 => 1, 6 => 1, _ => LicensingSample.Steps.Length };
                for (var s = 0; s < steps && result.IsApplied; s++)
                {
                    var step = LicensingSample.Steps[s];
                    // One closed case in ten is reviewed after its step limit ran out: a risk event (风险台帐) and a late case.
                    clock.Now = clock.Now.AddHours(kind == 9 && step.Action == "pass" ? 24 * 8 : 2);
                    result = await env.Cases.ExecuteAsync(result.Record!.Id, step.On(result.State!), step.Actor);
                }
                if (kind == 5 && result.IsApplied)
                {
                    clock.Now = clock.Now.AddHours(2);
                    // Expert review (专家评审) is time the law excludes (行政许可法第四十五条): the case's clock stops.
                    await env.Cases.ExecuteAsync(result.Record!.Id, new TakeAction(result.State!.Active[0].TaskId, "expert-review",
                        System.Collections.Immutable.ImmutableDictionary<string, Engine.Expressions.Value>.Empty.Add("pauseNotice", Engine.Expressions.Value.String("卫许告字〔2026〕第1号")),
                        "组织专家评审，所需时间已书面告知"), LicensingSample.Reviewer);
                }
            }
            if ((i + 1) % 10_000 == 0)
                output.WriteLine($"  {i + 1:N0} cases ({(i + 1 - from) / watch.Elapsed.TotalSeconds:N0}/s)");
        }
    }

    private static async Task<HttpClient> LoginAsync(string address, string username)
    {
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password = username + "@2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<long> CountAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
