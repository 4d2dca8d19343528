using System.Diagnostics;
using Npgsql;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Server.Configuration;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>
/// PostgreSQL: engine actions persisted through the service layer against raw transactions of the same statements on
/// the same server, and two nodes (two service stacks, each with its own write connection) against one on one database.
/// </summary>
public static class PostgresBenchmarks
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(string adminConnectionString, TimeSpan roundLength, TextWriter log, int rounds = 8)
    {
        var database = "workflow_bench_" + Guid.NewGuid().ToString("N")[..8];
        await ExecAsync(adminConnectionString, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;
        try
        {
            var options = new WorkflowOptions { Database = { Provider = "Postgres", ConnectionString = connectionString } };
            var results = new List<Measurement>();
            await using (var node = await BenchEnvironment.CreateAsync(options, TimeProvider.System))
            {
                log.WriteLine($"  raw transactions against the service layer ({rounds} alternating pairs of {roundLength.TotalSeconds:0} s rounds) …");
                results.AddRange(await RawAgainstServiceAsync(node, connectionString, roundLength, rounds));
            }
            log.WriteLine($"  two nodes against one, 4 drivers over many cases ({rounds} alternating pairs) …");
            results.AddRange(await TwoNodesAsync(options, roundLength, rounds));
            return results;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(adminConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static async Task<Measurement[]> RawAgainstServiceAsync(BenchEnvironment env, string connectionString, TimeSpan roundLength, int rounds)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var seed = new NpgsqlCommand("INSERT INTO cases (id, definition_id, definition_version, title, status, started_at, started_by, version, state_json, history_count, last_hash, case_no) " +
                                                  "VALUES ('raw', 'raw', 1, 'raw', 'running', 0, 'bench', 0, '{}', 0, '', 'raw-1')", connection))
            await seed.ExecuteNonQueryAsync();
        var raw = new List<double>();
        var service = new List<double>();
        await RawRoundAsync(connection, roundLength);
        await ServiceRoundAsync([env], 1, roundLength);
        for (var round = 0; round < rounds; round++)
        {
            raw.Add(await RawRoundAsync(connection, roundLength));
            service.Add(await ServiceRoundAsync([env], 1, roundLength));
        }
        var ratio = Rounds.Median(raw.Zip(service, (r, s) => s / r).ToList());
        return
        [
            new Measurement("Raw PostgreSQL five-statement transactions", Rounds.Median(raw), "tx/s", "baseline", true,
                $"one connection, prepared statements; UPDATE case, 2 × INSERT history, DELETE + INSERT task; median of {rounds} rounds"),
            new Measurement("Engine actions persisted on PostgreSQL", Rounds.Median(service), "actions/s", "—", true,
                $"the service layer as on SQLite, one node, one driver; median of {rounds} rounds alternating with the raw ones"),
            new Measurement("PostgreSQL service ÷ raw", ratio, "", "≥ 0.5", ratio >= 0.5, "median of the ratios of paired rounds; same server, same database"),
        ];
    }

    private static async Task<Measurement[]> TwoNodesAsync(WorkflowOptions options, TimeSpan roundLength, int rounds)
    {
        const int drivers = 4;
        await using var a = await BenchEnvironment.CreateAsync(options, TimeProvider.System);
        await using var b = await BenchEnvironment.CreateAsync(options, TimeProvider.System);
        var one = new List<double>();
        var two = new List<double>();
        var oneOpen = new List<double>();
        var twoOpen = new List<double>();
        await ServiceRoundAsync([a], drivers, roundLength);
        await ServiceRoundAsync([a, b], drivers, roundLength);
        for (var round = 0; round < rounds; round++)
        {
            one.Add(await ServiceRoundAsync([a], drivers, roundLength));
            two.Add(await ServiceRoundAsync([a, b], drivers, roundLength));
            oneOpen.Add(await OpenCasesRoundAsync([a], drivers, roundLength));
            twoOpen.Add(await OpenCasesRoundAsync([a, b], drivers, roundLength));
        }
        var ratio = Rounds.Median(one.Zip(two, (o, t) => t / o).ToList());
        var openRatio = Rounds.Median(oneOpen.Zip(twoOpen, (o, t) => t / o).ToList());
        return
        [
            new Measurement("Whole cases, one node on PostgreSQL", Rounds.Median(one), "actions/s", "baseline", true,
                $"{drivers} drivers, each running its own licensing cases (start and five actions) through one node; median of {rounds} rounds"),
            new Measurement("Whole cases, two nodes on one database", Rounds.Median(two), "actions/s", "—", true,
                $"the same {drivers} drivers spread over two nodes (two service stacks, two write connections); median of {rounds} rounds"),
            new Measurement("Whole cases, two nodes ÷ one", ratio, "", "≥ 1.6", ratio >= 1.6,
                "median of paired rounds; each start holds the gapless case-number lock until its commit, across nodes"),
            new Measurement("Actions on open cases, one node", Rounds.Median(oneOpen), "actions/s", "baseline", true,
                $"{drivers} drivers taking the five actions of cases started before the round (a new set each round); median of {rounds} rounds"),
            new Measurement("Actions on open cases, two nodes", Rounds.Median(twoOpen), "actions/s", "—", true,
                $"the same over two nodes; median of {rounds} rounds"),
            new Measurement("Actions on open cases, two nodes ÷ one", openRatio, "", "≥ 1.6", openRatio >= 1.6,
                "median of the ratios of paired rounds; actions spread over many cases"),
        ];
    }

    /// <summary>
    /// Starts enough cases for a round (untimed), then times drivers spread over the nodes taking their actions; returns actions per second.
    /// </summary>
    private static async Task<double> OpenCasesRoundAsync(IReadOnlyList<BenchEnvironment> nodes, int drivers, TimeSpan roundLength)
    {
        var perDriver = (int)Math.Ceiling(roundLength.TotalSeconds * 600 / 5 / drivers) + 10;
        var open = new List<(string Id, CaseState State)>[drivers];
        for (var d = 0; d < drivers; d++)
        {
            open[d] = [];
            for (var i = 0; i < perDriver; i++)
            {
                var started = await nodes[0].Cases.StartAsync("licensing-approval", LicensingSample.Application, LicensingSample.Clerk);
                open[d].Add((started.Record!.Id, started.State!));
            }
        }
        var watch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, drivers).Select(d => Task.Run(async () =>
        {
            var cases = nodes[d % nodes.Count].Cases;
            var actions = 0;
            foreach (var (id, state) in open[d])
            {
                if (watch.Elapsed >= roundLength) break;
                var current = state;
                foreach (var step in LicensingSample.Steps)
                {
                    var result = await cases.ExecuteAsync(id, step.On(current), step.Actor);
                    if (!result.IsApplied) throw new InvalidOperationException($"Benchmark action refused: {result.Outcome}");
                    current = result.State!;
                    actions++;
                }
            }
            return actions;
        })));
        return counts.Sum() / watch.Elapsed.TotalSeconds;
    }

    private static long _sequence;

    private static async Task<double> RawRoundAsync(NpgsqlConnection connection, TimeSpan roundLength)
    {
        var state = new string('x', 1500);
        var count = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < roundLength)
        {
            await using var tx = await connection.BeginTransactionAsync();
            var n = ++_sequence;
            await Exec(connection, tx, "UPDATE cases SET version = version + 1, state_json = @s WHERE id = 'raw'", ("s", state));
            await Exec(connection, tx, "INSERT INTO history VALUES ('raw', @n, 'action-taken', 0, 'bench', 'bench', 't1', 'review', 'pass', '同意', '{}', '审核通过', 'p', 'h')", ("n", n * 2));
            await Exec(connection, tx, "INSERT INTO history VALUES ('raw', @n, 'step-entered', 0, 'bench', 'bench', 't2', 'approve', NULL, NULL, '{}', '进入审批', 'p', 'h')", ("n", n * 2 + 1));
            await Exec(connection, tx, "DELETE FROM tasks WHERE case_id = 'raw'");
            await Exec(connection, tx, "INSERT INTO tasks VALUES ('raw', @t, 'approve', '审批', 'task', 'director', 'raw', 0, 0, 0, false)", ("t", "t" + n));
            await tx.CommitAsync();
            count++;
        }
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Drivers, spread round-robin over the nodes, each running whole licensing cases; returns actions per second.</summary>
    private static async Task<double> ServiceRoundAsync(IReadOnlyList<BenchEnvironment> nodes, int drivers, TimeSpan roundLength)
    {
        var watch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, drivers).Select(d => Task.Run(async () =>
        {
            var cases = nodes[d % nodes.Count].Cases;
            var actions = 0;
            while (watch.Elapsed < roundLength)
            {
                await LicensingSample.RunCaseAsync(cases);
                actions += LicensingSample.ActionsPerCase;
            }
            return actions;
        })));
        return counts.Sum() / watch.Elapsed.TotalSeconds;
    }

    private static async Task Exec(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, params (string, object)[] args)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value);
        await command.PrepareAsync();
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
