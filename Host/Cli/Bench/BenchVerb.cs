using System.Diagnostics;
using System.Runtime.InteropServices;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Server.Configuration;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>
/// <c>bench [core|persistence|timers|postgres]…</c>: the benchmarks of the README, printed as a Markdown table.
/// Run in Release: <c>dotnet run -c Release --project Host -- bench</c>. The PostgreSQL part runs on the server of
/// BENCH_PG (an administrative connection string), else on a throwaway server it starts itself.
/// </summary>
public static class BenchVerb
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args.Length > 0 && args[0] == "http") return await HttpBenchmark.RunAsync(args[1..], output);
        if (args.Length > 0 && args[0] == "scale") return await ScaleBenchmark.RunAsync(args[1..], output);
        var postgresAvailable = Environment.GetEnvironmentVariable("BENCH_PG") is { Length: > 0 } || Directory.Exists("/usr/lib/postgresql");
        var parts = args.Length == 0 ? postgresAvailable ? ["core", "persistence", "timers", "postgres"] : ["core", "persistence", "timers"] : args;
        output.WriteLine($"# bench — {DateTime.Now:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
#if DEBUG
        output.WriteLine("Warning: Debug build. Figures are only meaningful with -c Release.");
#endif
        var results = new List<Measurement>();
        var root = RepositoryPaths.Definitions(new WorkflowOptions());
        var calendar = WorkCalendar.Create(CalendarYearFile.LoadDirectory(Path.Combine(root, "calendars")));

        if (parts.Contains("core"))
        {
            var options = RiskCheckRegistry.CreateDefault().LoadOptions().WithRolesOf(root);
            var licensing = DefinitionLoader.LoadFile(Path.Combine(root, "flows", "licensing-approval.json"), options).Definition!;
            output.WriteLine("core: pure runtime and deadline computations …");
            results.Add(CoreBenchmarks.Actions(licensing, calendar, 20_000));
            results.Add(CoreBenchmarks.Deadlines(calendar, 5_000_000));
        }
        if (parts.Contains("persistence"))
        {
            output.WriteLine("persistence: raw SQLite against the service layer (8 alternating pairs of 2 s rounds) …");
            using var folder = new BenchFolder();
            await using var env = await BenchEnvironment.CreateAsync(folder, TimeProvider.System, Environment.GetEnvironmentVariable("BENCH_SYNC") ?? "FULL");
            var (raw, service, ratio) = await PersistenceBenchmarks.RunAsync(env, TimeSpan.FromSeconds(2));
            results.AddRange([raw, service, ratio]);
        }
        if (parts.Contains("timers"))
        {
            output.WriteLine("timers: alert latency with 100,000 open deadlines …");
            results.Add(await TimerBenchmarks.AlertLatencyAsync(100_000, 15, output));
            output.WriteLine("timers: catch-up after downtime …");
            results.Add(await TimerBenchmarks.CatchUpAsync(10_000, output));
        }
        if (parts.Contains("postgres"))
        {
            output.WriteLine("postgres: the service layer against raw statements, and two nodes against one …");
            var given = Environment.GetEnvironmentVariable("BENCH_PG");
            using var server = string.IsNullOrEmpty(given) ? PrivatePostgres.Start() : null;
            results.AddRange(await PostgresBenchmarks.RunAsync(given is { Length: > 0 } ? given : server!.AdminConnectionString, TimeSpan.FromSeconds(2), output));
        }

        output.WriteLine();
        output.WriteLine("| benchmark | median | target | | how |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var r in results) output.WriteLine(r.Row);
        return results.All(r => r.Met) ? 0 : 1;
    }
}
