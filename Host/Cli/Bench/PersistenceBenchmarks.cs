using System.Diagnostics;
using Microsoft.Data.Sqlite;
using WorkflowEngine.Server.Database;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>Raw SQLite transactions against engine actions persisted through the service layer, on the same file settings.</summary>
public static class PersistenceBenchmarks
{
    /// <summary>Alternates raw and service rounds so that both see the same disk; the ratio is the median of the pairs' ratios.</summary>
    public static async Task<(Measurement Raw, Measurement Service, Measurement Ratio)> RunAsync(BenchEnvironment env, TimeSpan roundLength, int rounds = 8)
    {
        await using var connection = new SqliteConnection(SqliteSetup.ConnectionString(env.Options.Database));
        await connection.OpenAsync();
        await Exec(connection, $"PRAGMA synchronous={env.Options.Database.Synchronous}");
        await Exec(connection, "INSERT INTO cases (id, definition_id, definition_version, title, status, started_at, started_by, version, state_json, history_count, last_hash, case_no) " +
                               "VALUES ('raw', 'raw', 1, 'raw', 'running', 0, 'bench', 0, '{}', 0, '', 'raw-1')");
        var raw = new List<double>();
        var service = new List<double>();
        await RawRoundAsync(connection, roundLength);
        await ServiceRoundAsync(env, roundLength);
        for (var round = 0; round < rounds; round++)
        {
            raw.Add(await RawRoundAsync(connection, roundLength));
            service.Add(await ServiceRoundAsync(env, roundLength));
        }
        var ratio = Rounds.Median(raw.Zip(service, (r, s) => s / r).ToList());
        return (
            new Measurement("Raw SQLite five-statement transactions", Rounds.Median(raw), "tx/s", "baseline", true,
                $"WAL, synchronous={env.Options.Database.Synchronous}; UPDATE case, 2 × INSERT history, DELETE + INSERT task; median of {rounds} rounds"),
            new Measurement("Engine actions persisted through the service layer", Rounds.Median(service), "actions/s", "—", true,
                $"one transaction per action (load, runtime, state, hash-chained history, tasks, deadlines, alerts); median of {rounds} rounds alternating with the raw ones"),
            new Measurement("Service ÷ raw", ratio, "", "≥ 0.5", ratio >= 0.5, "median of the ratios of paired rounds; same file, same synchronous setting"));
    }

    /// <summary>The raw baseline alone: median rate of <paramref name="rounds"/> rounds (after one warm-up) on the environment's file.</summary>
    public static async Task<double> RawAsync(BenchEnvironment env, TimeSpan roundLength, int rounds = 3)
    {
        await using var connection = new SqliteConnection(SqliteSetup.ConnectionString(env.Options.Database));
        await connection.OpenAsync();
        await Exec(connection, $"PRAGMA synchronous={env.Options.Database.Synchronous}");
        await Exec(connection, "INSERT OR IGNORE INTO cases (id, definition_id, definition_version, title, status, started_at, started_by, version, state_json, history_count, last_hash, case_no) " +
                               "VALUES ('raw', 'raw', 1, 'raw', 'running', 0, 'bench', 0, '{}', 0, '', 'raw-1')");
        await RawRoundAsync(connection, roundLength);
        var rates = new List<double>();
        for (var i = 0; i < rounds; i++) rates.Add(await RawRoundAsync(connection, roundLength));
        return Rounds.Median(rates);
    }

    private static long _sequence;

    private static async Task<double> RawRoundAsync(SqliteConnection connection, TimeSpan roundLength)
    {
        var state = new string('x', 1500);
        var count = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < roundLength)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            var n = ++_sequence;
            await Exec(connection, "UPDATE cases SET version = version + 1, state_json = $s WHERE id = 'raw'", tx, ("$s", state));
            await Exec(connection, "INSERT INTO history (case_id, sequence, type, at, actor_id, actor_name, task_id, step_id, action_id, opinion, data_json, summary, previous_hash, hash) VALUES ('raw', $n, 'action-taken', 0, 'bench', 'bench', 't1', 'review', 'pass', '同意', '{}', '审核通过', 'p', 'h')", tx, ("$n", n * 2));
            await Exec(connection, "INSERT INTO history (case_id, sequence, type, at, actor_id, actor_name, task_id, step_id, action_id, opinion, data_json, summary, previous_hash, hash) VALUES ('raw', $n, 'step-entered', 0, 'bench', 'bench', 't2', 'approve', NULL, NULL, '{}', '进入审批', 'p', 'h')", tx, ("$n", n * 2 + 1));
            await Exec(connection, "DELETE FROM tasks WHERE case_id = 'raw'", tx);
            await Exec(connection, "INSERT INTO tasks (case_id, task_id, step_id, step_name, kind, role, definition_id, entered_at, due_at, warn_at, provisional) VALUES ('raw', $t, 'approve', '审批', 'task', 'director', 'raw', 0, 0, 0, 0)", tx, ("$t", "t" + n));
            await tx.CommitAsync();
            count++;
        }
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> ServiceRoundAsync(BenchEnvironment env, TimeSpan roundLength)
    {
        var cases = env.Cases;
        var actions = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < roundLength)
        {
            await LicensingSample.RunCaseAsync(cases);
            actions += LicensingSample.ActionsPerCase;
        }
        return actions / watch.Elapsed.TotalSeconds;
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
