using System.Diagnostics;
using Microsoft.Data.Sqlite;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Server.Database;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>Raw SQLite transactions against engine actions persisted through the service layer, on the same file settings.</summary>
public static class PersistenceBenchmarks
{
    public static async Task<(Measurement Raw, Measurement Service, Measurement Ratio)> RunAsync(BenchEnvironment env, TimeSpan roundLength)
    {
        var raw = await RawTransactionsAsync(env, roundLength);
        var service = await ServiceActionsAsync(env, roundLength);
        var ratio = service / raw;
        return (
            new Measurement("Raw SQLite five-statement transactions", raw, "tx/s", "baseline", true,
                $"WAL, synchronous={env.Options.Database.Synchronous}; UPDATE case, 2 × INSERT history, DELETE + INSERT task; median of 5 rounds"),
            new Measurement("Engine actions persisted through the service layer", service, "actions/s", "—", true,
                "one transaction per action: load, runtime, state, hash-chained history, tasks, deadlines, timers; median of 5 rounds"),
            new Measurement("Service ÷ raw", ratio, "", "≥ 0.5", ratio >= 0.5, "same file, same synchronous setting"));
    }

    private static async Task<double> RawTransactionsAsync(BenchEnvironment env, TimeSpan roundLength)
    {
        await using var connection = new SqliteConnection(SqliteSetup.ConnectionString(env.Options.Database));
        await connection.OpenAsync();
        await Exec(connection, $"PRAGMA synchronous={env.Options.Database.Synchronous}");
        await Exec(connection, "INSERT INTO cases (id, definition_id, definition_version, title, status, started_at, started_by, version, state_json, history_count, last_hash, case_no) " +
                               "VALUES ('raw', 'raw', 1, 'raw', 'running', 0, 'bench', 0, '{}', 0, '', 'raw-1')");
        var state = new string('x', 1500);
        long sequence = 0;
        var rates = new List<double>();
        for (var round = 0; round < 6; round++)
        {
            var count = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < roundLength)
            {
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
                sequence++;
                await Exec(connection, "UPDATE cases SET version = version + 1, state_json = $s WHERE id = 'raw'", tx, ("$s", state));
                await Exec(connection, "INSERT INTO history VALUES ('raw', $n, 'action-taken', 0, 'bench', 'bench', 't1', 'review', 'pass', '同意', '{}', '审核通过', 'p', 'h')", tx, ("$n", sequence * 2));
                await Exec(connection, "INSERT INTO history VALUES ('raw', $n, 'step-entered', 0, 'bench', 'bench', 't2', 'approve', NULL, NULL, '{}', '进入审批', 'p', 'h')", tx, ("$n", sequence * 2 + 1));
                await Exec(connection, "DELETE FROM tasks WHERE case_id = 'raw'", tx);
                await Exec(connection, "INSERT INTO tasks VALUES ('raw', $t, 'approve', '审批', 'task', 'director', 'raw', 0, 0, 0, 0)", tx, ("$t", "t" + sequence));
                await tx.CommitAsync();
                count++;
            }
            if (round > 0) rates.Add(count / watch.Elapsed.TotalSeconds);
        }
        return Rounds.Median(rates);
    }

    private static async Task<double> ServiceActionsAsync(BenchEnvironment env, TimeSpan roundLength)
    {
        var cases = env.Cases;
        var rates = new List<double>();
        for (var round = 0; round < 6; round++)
        {
            var actions = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < roundLength)
            {
                var result = await cases.StartAsync("licensing-approval", LicensingSample.Application, LicensingSample.Clerk);
                var id = result.Record!.Id;
                foreach (var (action, actor, payload, opinion) in LicensingSample.Steps)
                {
                    result = await cases.ExecuteAsync(id, new TakeAction(result.State!.Active[0].TaskId, action, payload, opinion), actor);
                    if (!result.IsApplied) throw new InvalidOperationException($"Benchmark action refused: {result.Outcome}");
                }
                actions += 6;
            }
            if (round > 0) rates.Add(actions / watch.Elapsed.TotalSeconds);
        }
        return Rounds.Median(rates);
    }

    private static async Task Exec(SqliteConnection connection, string sql, SqliteTransaction? tx = null, params (string, object)[] args)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }
}
