using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Server.Database;

namespace WorkflowEngine.Server.Cli;

/// <summary>
/// Moving and keeping the data: <c>migrate-db --from FILE --to CONNECTION</c> copies a SQLite database into an empty
/// PostgreSQL one and verifies every case's hash chain there; <c>backup --out FILE</c> and <c>restore --from FILE</c>
/// save and bring back the configured database (SQLite: the online backup API; PostgreSQL: pg_dump and pg_restore).
/// </summary>
public static class DataVerbs
{
    /// <summary>The tables that hold the product's data, parents first. Quartz's tables are not copied: a node remakes its triggers on start.</summary>
    public static readonly string[] Tables =
        ["definitions", "users", "sessions", "calendars", "cases", "on_time_months", "history", "tasks", "task_assignees", "case_cc", "deadlines", "alerts", "risk_events", "delegations",
         "urges", "notifications", "agency_settings", "document_templates", "document_counters", "file_blobs", "case_documents", "material_files"];

    public static async Task<int> MigrateAsync(string[] args, TextWriter output, TextWriter error)
    {
        var (from, to) = (Option(args, "--from"), Option(args, "--to"));
        if (from is null || to is null)
        {
            await error.WriteLineAsync("用法：migrate-db --from <SQLite 文件> --to <PostgreSQL 连接串>");
            return 2;
        }
        if (!File.Exists(from))
        {
            await error.WriteLineAsync($"找不到 SQLite 文件“{from}”。");
            return 2;
        }
        var source = new DatabaseOptions { Path = from };
        var target = new DatabaseOptions { Provider = "Postgres", ConnectionString = to };
        var sourceVersion = await SqliteSetup.MigrateAsync(source);
        var targetVersion = await PostgresSetup.MigrateAsync(target);
        if (sourceVersion != targetVersion)
        {
            await error.WriteLineAsync($"结构版本不一致：SQLite 为 {sourceVersion}，PostgreSQL 为 {targetVersion}。");
            return 1;
        }

        await using var sqlite = new SqliteConnection(SqliteSetup.ConnectionString(source));
        await sqlite.OpenAsync();
        await using var postgres = new NpgsqlConnection(PostgresSetup.ConnectionString(target));
        await postgres.OpenAsync();
        foreach (var table in Tables)
            if (await ScalarAsync(postgres, $"SELECT COUNT(*) FROM {table}") > 0)
            {
                await error.WriteLineAsync($"目标数据库的 {table} 表不为空：migrate-db 只向空数据库复制，以免混入旧数据。");
                return 1;
            }

        var watch = Stopwatch.StartNew();
        await using (var transaction = await postgres.BeginTransactionAsync())
        {
            foreach (var table in Tables)
            {
                var copied = await CopyTableAsync(sqlite, postgres, table);
                output.WriteLine($"{table,-12} {copied,10:N0} rows");
            }
            foreach (var table in new[] { "alerts", "risk_events" })
                await ScalarAsync(postgres, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), 1))");
            await transaction.CommitAsync();
        }

        var mismatched = 0;
        foreach (var table in Tables)
        {
            var (s, t) = (await ScalarAsync(sqlite, $"SELECT COUNT(*) FROM {table}"), await ScalarAsync(postgres, $"SELECT COUNT(*) FROM {table}"));
            if (s != t)
            {
                mismatched++;
                await error.WriteLineAsync($"{table}: SQLite 有 {s} 行，PostgreSQL 有 {t} 行。");
            }
        }
        var (cases, broken) = await VerifyChainsAsync(postgres, error);
        output.WriteLine($"Copied in {watch.Elapsed.TotalSeconds:0.0} s. Hash chains verified: {cases:N0} cases, {broken} broken.");
        return mismatched == 0 && broken == 0 ? 0 : 1;
    }

    /// <summary>Copies every row with PostgreSQL's binary COPY, converting SQLite's 0/1 to booleans where the target column is boolean.</summary>
    private static async Task<long> CopyTableAsync(SqliteConnection sqlite, NpgsqlConnection postgres, string table)
    {
        var columns = new List<(string Name, string Type)>();
        await using (var info = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t ORDER BY ordinal_position", postgres))
        {
            info.Parameters.AddWithValue("t", table);
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var select = sqlite.CreateCommand();
        select.CommandText = $"SELECT {list} FROM {table}";
        await using var rows = await select.ExecuteReaderAsync();
        await using var importer = await postgres.BeginBinaryImportAsync($"COPY {table} ({list}) FROM STDIN (FORMAT BINARY)");
        long count = 0;
        while (await rows.ReadAsync())
        {
            await importer.StartRowAsync();
            for (var i = 0; i < columns.Count; i++)
            {
                if (rows.IsDBNull(i))
                {
                    await importer.WriteNullAsync();
                    continue;
                }
                switch (columns[i].Type)
                {
                    case "boolean": await importer.WriteAsync(rows.GetInt64(i) != 0, NpgsqlDbType.Boolean); break;
                    case "bigint": await importer.WriteAsync(rows.GetInt64(i), NpgsqlDbType.Bigint); break;
                    case "integer": await importer.WriteAsync(rows.GetInt32(i), NpgsqlDbType.Integer); break;
                    case "bytea": await importer.WriteAsync((byte[])rows.GetValue(i), NpgsqlDbType.Bytea); break;
                    default: await importer.WriteAsync(rows.GetString(i), NpgsqlDbType.Text); break;
                }
            }
            count++;
        }
        await importer.CompleteAsync();
        return count;
    }

    /// <summary>Verifies the history chain of every case against its row's history count and last hash; returns the cases checked and the broken ones.</summary>
    public static async Task<(int Cases, int Broken)> VerifyChainsAsync(DbConnection connection, TextWriter error)
    {
        var heads = new Dictionary<string, (long Count, string LastHash)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, history_count, last_hash FROM cases";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) heads[reader.GetString(0)] = (reader.GetInt64(1), reader.GetString(2));
        }
        var chains = heads.Keys.ToDictionary(id => id, _ => new List<HistoryRecord>());
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT case_id, sequence, type, at, actor_id, actor_name, task_id, step_id, action_id, opinion, data_json, summary, previous_hash, hash FROM history ORDER BY case_id, sequence";
            await using var r = await command.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var record = new HistoryRecord(r.GetString(0), r.GetInt64(1), r.GetString(2), Store.Persistence.UtcTicksConverter.FromTicks(r.GetInt64(3)),
                    r.GetString(4), r.GetString(5), Text(r, 6), Text(r, 7), Text(r, 8), Text(r, 9), r.GetString(10), r.GetString(11), r.GetString(12), r.GetString(13));
                if (!chains.TryGetValue(record.CaseId, out var chain)) chains[record.CaseId] = chain = [];
                chain.Add(record);
            }
        }
        var broken = 0;
        foreach (var (id, chain) in chains)
        {
            var result = HistoryChain.Verify(chain);
            string? problem = !result.Valid ? $"第 {result.BrokenAtSequence} 条：{result.Reason}"
                : !heads.TryGetValue(id, out var head) ? "历史记录没有对应的案件。"
                : head.Count != chain.Count || (chain.Count > 0 && head.LastHash != chain[^1].Hash) ? "案件记录的历史条数或最后哈希与历史记录不符（末尾记录缺失）。"
                : null;
            if (problem is null) continue;
            broken++;
            await error.WriteLineAsync($"案件 {id} 的历史链断裂：{problem}");
        }
        return (heads.Count, broken);
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static async Task<int> BackupAsync(string[] args, TextWriter output, TextWriter error)
    {
        var outFile = Option(args, "--out");
        if (outFile is null)
        {
            await error.WriteLineAsync("用法：backup --out <文件> [--db 文件 | --db-provider Postgres --db-connection 连接串]");
            return 2;
        }
        var options = Configured(args);
        outFile = Path.GetFullPath(outFile);
        if (File.Exists(outFile))
        {
            await error.WriteLineAsync($"“{outFile}”已存在：请指定新的文件。");
            return 1;
        }
        if (DatabaseSetup.IsPostgres(options))
        {
            var (code, text) = await PostgresToolAsync("pg_dump", options, ["--format=custom", "--no-owner", "--file", outFile]);
            if (code != 0)
            {
                await error.WriteLineAsync($"pg_dump 失败（{code}）：{text}");
                return 1;
            }
        }
        else
        {
            if (!File.Exists(options.Path))
            {
                await error.WriteLineAsync($"找不到数据库文件“{Path.GetFullPath(options.Path)}”。");
                return 1;
            }
            // SQLite's online backup: a consistent copy while the service keeps running and writing.
            await using var source = new SqliteConnection(SqliteSetup.ConnectionString(options));
            await source.OpenAsync();
            await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = outFile, Pooling = false }.ToString());
            await destination.OpenAsync();
            source.BackupDatabase(destination);
        }
        output.WriteLine($"Backed up {DatabaseSetup.Describe(options)} to {outFile} ({new FileInfo(outFile).Length:N0} bytes).");
        return 0;
    }

    public static async Task<int> RestoreAsync(string[] args, TextWriter output, TextWriter error)
    {
        var from = Option(args, "--from");
        if (from is null || !File.Exists(from))
        {
            await error.WriteLineAsync("用法：restore --from <备份文件> [--force] [--db 文件 | --db-provider Postgres --db-connection 连接串]（须先停止服务）");
            return 2;
        }
        var options = Configured(args);
        var force = args.Contains("--force");
        if (DatabaseSetup.IsPostgres(options))
        {
            await using (var connection = new NpgsqlConnection(PostgresSetup.ConnectionString(options)))
            {
                await connection.OpenAsync();
                var hasTables = await ScalarAsync(connection, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'cases'") > 0;
                if (hasTables && !force)
                {
                    await error.WriteLineAsync("目标数据库已有数据：加 --force 以备份中的数据替换它。");
                    return 1;
                }
            }
            var (code, text) = await PostgresToolAsync("pg_restore", options, ["--clean", "--if-exists", "--no-owner", "--single-transaction", from]);
            if (code != 0)
            {
                await error.WriteLineAsync($"pg_restore 失败（{code}）：{text}");
                return 1;
            }
        }
        else
        {
            var target = Path.GetFullPath(options.Path);
            if (File.Exists(target) && !force)
            {
                await error.WriteLineAsync($"“{target}”已存在：加 --force 以备份替换它（须先停止服务）。");
                return 1;
            }
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(target + suffix)) File.Delete(target + suffix);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(from), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await source.OpenAsync();
            await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
            await destination.OpenAsync();
            source.BackupDatabase(destination);
        }
        // Verify what came back: every case's hash chain.
        await using (var check = DatabaseSetup.IsPostgres(options)
                         ? (DbConnection)new NpgsqlConnection(PostgresSetup.ConnectionString(options))
                         : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(options.Path), Pooling = false }.ToString()))
        {
            await check.OpenAsync();
            var (cases, broken) = await VerifyChainsAsync(check, error);
            output.WriteLine($"Restored {DatabaseSetup.Describe(options)} from {Path.GetFullPath(from)}. Hash chains verified: {cases:N0} cases, {broken} broken.");
            return broken == 0 ? 0 : 1;
        }
    }

    /// <summary>The database settings the service would use with these arguments (appsettings.json, environment, command line).</summary>
    private static DatabaseOptions Configured(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(CommandLine.Translate(args.Where(a => a != "--force")).Where(a => a.StartsWith("--Database:", StringComparison.Ordinal)).ToArray())
            .Build();
        return (configuration.Get<WorkflowOptions>() ?? new WorkflowOptions()).Database;
    }

    /// <summary>Runs pg_dump or pg_restore against the configured database (password through PGPASSWORD, never on the command line).</summary>
    private static async Task<(int Code, string Output)> PostgresToolAsync(string tool, DatabaseOptions options, IEnumerable<string> args)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var info = new ProcessStartInfo(FindTool(tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--host", builder.Host ?? "localhost", "--port", builder.Port.ToString(CultureInfo.InvariantCulture),
                     "--username", builder.Username ?? Environment.UserName, "--dbname", builder.Database ?? "postgres" }.Concat(args))
            info.ArgumentList.Add(a);
        if (!string.IsNullOrEmpty(builder.Password)) info.Environment["PGPASSWORD"] = builder.Password;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    /// <summary>A PostgreSQL client program: on the PATH, else in the newest /usr/lib/postgresql/N/bin.</summary>
    private static string FindTool(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, tool))) return Path.Combine(dir, tool);
        if (Directory.Exists("/usr/lib/postgresql"))
            foreach (var dir in Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                if (File.Exists(Path.Combine(dir, "bin", tool))) return Path.Combine(dir, "bin", tool);
        return tool;
    }

    private static string? Option(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == name && i + 1 < args.Length) return args[i + 1];
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal)) return args[i][(name.Length + 1)..];
        }
        return null;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
