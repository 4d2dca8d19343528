using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>
/// <c>bench http [--clients 4,16,64] [--seconds 5]</c>: concurrent clients drive whole licensing cases through the real HTTP
/// API (Kestrel on loopback, synchronous=FULL) and the rate is compared with the raw SQLite baseline on the same settings,
/// measured just before and just after each round. Ends with <c>http: clients=… actions_per_s=… raw_tx_per_s=… ratio=…</c>.
/// </summary>
public static class HttpBenchmark
{
    /// <summary>
    /// The licensing sample's steps as HTTP requests, their bodies serialized once: the client shares the service's two
    /// cores, so it spends on each request no more than sending it and finding the next task in the answer.
    /// </summary>
    private static readonly (string Step, string Action, string User, byte[] Body)[] Steps =
        LicensingSample.Steps.Select(s => (s.StepId, s.Action, s.Actor.Id,
            JsonSerializer.SerializeToUtf8Bytes(new { data = Api.JsonData.ToJson(s.Data), opinion = s.Opinion }))).ToArray();

    private static readonly byte[] StartBody = JsonSerializer.SerializeToUtf8Bytes(new
    {
        definitionId = "licensing-approval",
        data = Api.JsonData.ToJson(LicensingSample.Application),
    });

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        int[] clientCounts = [4, 16, 64];
        var seconds = 5.0;
        var warmup = 30.0;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--clients" && i + 1 < args.Length) clientCounts = args[++i].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            else if (args[i] == "--seconds" && i + 1 < args.Length) seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--warmup" && i + 1 < args.Length) warmup = double.Parse(args[++i], CultureInfo.InvariantCulture);
        }

        // The raw baseline is measured again between rounds, and each round is set against the mean of the baselines
        // just before and just after it: the disk's flush time drifts within a run.
        using var rawFolder = new BenchFolder();
        await using var rawEnv = await BenchEnvironment.CreateAsync(rawFolder, TimeProvider.System, "FULL");

        using var folder = new BenchFolder();
        await using var app = BenchServer.Build(folder.Database);
        await app.StartAsync();
        var address = app.Urls.First();
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10), UseCookies = false };
        var tokens = new Dictionary<string, string>();
        using (var login = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(address) })
            foreach (var user in Steps.Select(s => s.User).Distinct())
            {
                var reply = await login.PostAsJsonAsync("/api/auth/login", new { username = user, password = user + "@2026" });
                if (!reply.IsSuccessStatusCode) throw new InvalidOperationException($"{user} cannot sign in: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
                tokens[user] = (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            }
        using var http = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };

        // Until the JIT has compiled the request path at its final tier, a fresh process runs at a fraction of its rate.
        var (warmRate, _) = await RoundAsync(http, tokens, clientCounts.Max(), TimeSpan.FromSeconds(warmup));
        output.WriteLine(FormattableString.Invariant($"  warm-up: {warmup:0} s at {clientCounts.Max()} clients, {warmRate:N0} actions/s (not counted)"));
        output.WriteLine();
        output.WriteLine("| clients | actions/s | p50 ms | p99 ms | raw tx/s before · after (WAL, synchronous=FULL) | ÷ mean raw |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- |");
        var best = (Clients: 0, Rate: 0.0, Raw: 0.0);
        var rawBefore = await PersistenceBenchmarks.RawAsync(rawEnv, TimeSpan.FromSeconds(2));
        foreach (var clients in clientCounts)
        {
            var (rate, latencies) = await RoundAsync(http, tokens, clients, TimeSpan.FromSeconds(seconds));
            var rawAfter = await PersistenceBenchmarks.RawAsync(rawEnv, TimeSpan.FromSeconds(2));
            var raw = (rawBefore + rawAfter) / 2;
            latencies.Sort();
            var p50 = latencies[latencies.Count / 2];
            var p99 = latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(latencies.Count * 0.99) - 1)];
            output.WriteLine(FormattableString.Invariant($"| {clients} | {rate:N0} | {p50:0.0} | {p99:0.0} | {rawBefore:N0} · {rawAfter:N0} | {rate / raw:0.00} |"));
            rawBefore = rawAfter;
            if (best.Raw == 0 || rate / raw > best.Rate / best.Raw) best = (clients, rate, raw);
        }
        await app.StopAsync();
        output.WriteLine();
        output.WriteLine(FormattableString.Invariant($"http: clients={best.Clients} actions_per_s={best.Rate:0} raw_tx_per_s={best.Raw:0} ratio={best.Rate / best.Raw:0.00}"));
        return 0;
    }

    /// <summary><paramref name="clients"/> loops each taking whole cases (start and six actions) until the time is up.</summary>
    private static async Task<(double Rate, List<double> Latencies)> RoundAsync(HttpClient http, Dictionary<string, string> tokens, int clients, TimeSpan length)
    {
        var latencies = new ConcurrentBag<double>();
        var actions = 0L;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (watch.Elapsed < length)
            {
                var view = await SendAsync(http, tokens["window"], "/api/cases", StartBody, latencies);
                Interlocked.Increment(ref actions);
                var caseId = CaseView.Id(view);
                foreach (var (step, action, user, body) in Steps)
                {
                    var taskId = CaseView.OpenTask(view, step);
                    view = await SendAsync(http, tokens[user], $"/api/cases/{caseId}/tasks/{taskId}/actions/{action}", body, latencies);
                    Interlocked.Increment(ref actions);
                }
            }
        })));
        return (actions / watch.Elapsed.TotalSeconds, latencies.ToList());
    }

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private static async Task<byte[]> SendAsync(HttpClient http, string token, string url, byte[] body, ConcurrentBag<double> latencies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var view = await response.Content.ReadAsByteArrayAsync();
        latencies.Add(watch.Elapsed.TotalMilliseconds);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(view)}");
        return view;
    }

    /// <summary>The two things the client reads from a case view, found by reading its tokens without building a document.</summary>
    private static class CaseView
    {
        public static string Id(byte[] view)
        {
            var reader = new Utf8JsonReader(view);
            while (reader.Read())
                if (reader is { TokenType: JsonTokenType.PropertyName, CurrentDepth: 1 } && reader.ValueTextEquals("id"))
                {
                    reader.Read();
                    return reader.GetString()!;
                }
            throw new InvalidOperationException("The case view has no id.");
        }

        /// <summary>The id of the open task at <paramref name="stepId"/> in the view's <c>outlook.tasks</c>.</summary>
        public static string OpenTask(byte[] view, string stepId)
        {
            var reader = new Utf8JsonReader(view);
            bool outlook = false, tasks = false, atStep = false;
            string? taskId = null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var depth = reader.CurrentDepth;
                    var isTaskId = depth == 4 && tasks && reader.ValueTextEquals("taskId");
                    var isStepId = depth == 4 && tasks && reader.ValueTextEquals("stepId");
                    if (depth == 1) (outlook, tasks) = (reader.ValueTextEquals("outlook"), false);
                    else if (depth == 2) tasks = outlook && reader.ValueTextEquals("tasks");
                    reader.Read();
                    if (isTaskId) taskId = reader.GetString();
                    else if (isStepId) atStep = reader.ValueTextEquals(stepId);
                    else if (depth >= 3 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                }
                else if (reader is { TokenType: JsonTokenType.EndObject, CurrentDepth: 3 } && tasks)
                {
                    if (atStep && taskId is not null) return taskId;
                    (taskId, atStep) = (null, false);
                }
            }
            throw new InvalidOperationException($"The case view has no open task at {stepId}.");
        }
    }
}
