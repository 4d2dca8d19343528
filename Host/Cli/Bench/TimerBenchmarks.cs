using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Server.Database;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>
/// The scheduler on the real service with the system clock: how soon after its due instant an alert is stored
/// while 100,000 deadlines are open, and how fast deadlines missed during downtime are caught up on start.
/// </summary>
public static class TimerBenchmarks
{
    private const string OpenDeadlines = "SELECT (SELECT COUNT(*) FROM deadlines) + (SELECT COUNT(*) FROM tasks WHERE due_at IS NOT NULL)";

    public static async Task<Measurement> AlertLatencyAsync(int openDeadlines, int probes, TextWriter log)
    {
        using var folder = new BenchFolder();
        var clock = new SettableClock(TimeProvider.System.GetUtcNow());
        await using (var env = await BenchEnvironment.CreateAsync(folder, clock, synchronous: "OFF"))
        {
            log.WriteLine($"  seeding accepted licensing cases until {openDeadlines:N0} deadlines are open …");
            var seeded = 0;
            while (await CountAsync(env, OpenDeadlines) < openDeadlines)
            {
                for (var i = 0; i < 500; i++) await AcceptedLicensingCaseAsync(env);
                seeded += 500;
            }
            log.WriteLine($"  {seeded:N0} cases with {await CountAsync(env, OpenDeadlines):N0} open deadlines (statutory, promised and step limits)");

            // Emergency reports (2-hour limit) started so that their limits run out at chosen instants 25 s from now and after.
            var definition = (await env.Get<DefinitionStore>().PublishedAsync("public-health-emergency-report"))!;
            var first = TimeProvider.System.GetUtcNow().AddSeconds(25);
            for (var i = 0; i < probes; i++)
            {
                clock.Now = first.AddMilliseconds(500 * i) - TimeSpan.FromHours(2);
                var result = await env.Cases.StartAsync(definition.Id, FieldsFor(definition), new Actor("cdc", "疾控中心", new HashSet<string> { "county-cdc" }));
                if (!result.IsApplied) throw new InvalidOperationException($"Probe case refused: {result.Outcome}");
            }
        }

        await using var app = BenchServer.Build(folder.Database);
        await app.StartAsync();
        var deadline = Stopwatch.StartNew();
        List<double> latencies;
        while (true)
        {
            latencies = await ProbeLatenciesAsync(folder.Database);
            if (latencies.Count >= probes || deadline.Elapsed > TimeSpan.FromSeconds(90)) break;
            await Task.Delay(200);
        }
        await app.StopAsync();
        if (latencies.Count < probes) throw new InvalidOperationException($"Only {latencies.Count} of {probes} probe alerts were raised.");
        var median = Rounds.Median(latencies);
        return new Measurement($"Alert latency with {openDeadlines:N0} open deadlines", median, "s", "≤ 1 s", latencies.Max() <= 1,
            $"due instant → stored red alert, median of {probes} deadlines falling due 0.5 s apart (max {latencies.Max():0.###} s); Quartz persistent store, system clock");
    }

    public static async Task<Measurement> CatchUpAsync(int missed, TextWriter log)
    {
        using var folder = new BenchFolder();
        var now = TimeProvider.System.GetUtcNow();
        var clock = new SettableClock(now);
        await using (var env = await BenchEnvironment.CreateAsync(folder, clock, synchronous: "OFF"))
        {
            // A start at which the window's 1-working-day limit has run out but its 5-working-day deemed acceptance has not.
            var calendar = env.Get<Store.Services.CalendarService>().Current;
            var start = now.AddDays(-1);
            while (!(calendar.Add(start, Period.Parse("1wd")).DueAt < now && calendar.Add(start, Period.Parse("5wd")).DueAt > now.AddMinutes(10)))
                start = start.AddDays(-1);
            clock.Now = start;
            log.WriteLine($"  seeding {missed:N0} cases received {start:yyyy-MM-dd} whose intake limit ran out while the service was stopped …");
            for (var i = 0; i < missed; i++) await NewLicensingCaseAsync(env);
        }

        var watch = Stopwatch.StartNew();
        await using var app = BenchServer.Build(folder.Database);
        await app.StartAsync();
        var raised = await CountAsync(folder.Database, "SELECT COUNT(*) FROM alerts WHERE level = 'red'");
        var seconds = watch.Elapsed.TotalSeconds;
        await app.StopAsync();
        if (raised != missed) throw new InvalidOperationException($"{raised} of {missed} missed deadlines raised their alert.");
        return new Measurement($"Catch-up of {missed:N0} deadlines missed during downtime", seconds, "s", "≤ 10 s", seconds <= 10,
            "from starting the service to every red alert stored (one run)");
    }

    private static async Task NewLicensingCaseAsync(BenchEnvironment env)
    {
        var result = await env.Cases.StartAsync("licensing-approval", LicensingSample.Application, LicensingSample.Clerk);
        if (!result.IsApplied) throw new InvalidOperationException($"Seed case refused: {result.Outcome}");
    }

    private static async Task AcceptedLicensingCaseAsync(BenchEnvironment env)
    {
        var result = await env.Cases.StartAsync("licensing-approval", LicensingSample.Application, LicensingSample.Clerk);
        result = await env.Cases.ExecuteAsync(result.Record!.Id,
            new TakeAction(result.State!.Active[0].TaskId, "accept", LicensingSample.Materials, null), LicensingSample.Clerk);
        if (!result.IsApplied) throw new InvalidOperationException($"Seed action refused: {result.Outcome}");
    }

    /// <summary>Every field the intake form requires, filled with plain values.</summary>
    public static ImmutableDictionary<string, Value> FieldsFor(FlowDefinition definition) =>
        definition.Fields.Where(f => f.Required).ToImmutableDictionary(f => f.Id, f => f.Type switch
        {
            FieldType.Choice => Value.String(f.Options[0]),
            FieldType.Number => Value.Number(1),
            FieldType.Boolean => Value.True,
            FieldType.Date => Value.String("2026-03-02"),
            FieldType.List => Value.List([Value.String("甲")]),
            FieldType.Materials => Value.List(f.Items.Select(i => Value.String(i.Id))),
            _ => Value.String("基准测试"),
        });

    private static async Task<List<double>> ProbeLatenciesAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT raised_at - due_at FROM alerts WHERE definition_id = 'public-health-emergency-report' AND level = 'red' AND \"limit\" = 'step'";
        var latencies = new List<double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) latencies.Add(reader.GetInt64(0) / (double)TimeSpan.TicksPerSecond);
        return latencies;
    }

    private static Task<long> CountAsync(BenchEnvironment env, string sql) => CountAsync(env.Options.Database.Path, sql);

    private static async Task<long> CountAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
