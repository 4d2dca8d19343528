using System.Data.Common;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace WorkflowEngine.Store.Persistence;

/// <summary>A numbered schema script, e.g. <c>0002_case_numbers.sql</c>.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>The scripts embedded in an assembly whose resource names start with <paramref name="prefix"/>, ordered by number.</summary>
    public static IReadOnlyList<MigrationScript> FromResources(Assembly assembly, string prefix)
    {
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..^4];
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new MigrationScript(int.Parse(file[..4], System.Globalization.CultureInfo.InvariantCulture), file, reader.ReadToEnd());
            })
            .OrderBy(s => s.Version)
            .ToList();
        if (scripts.Count == 0) throw new InvalidOperationException($"No schema scripts named {prefix}*.sql are embedded in {assembly.GetName().Name}.");
        return scripts;
    }
}

/// <summary>
/// Brings a database to the newest schema by running, in order and each in its own transaction, every
/// script not yet recorded in <c>schema_version</c>, so a script numbered below one already applied (work merged
/// out of order) still runs. Data already stored is kept.
/// </summary>
public sealed class SchemaMigrator(IReadOnlyList<MigrationScript> scripts, ILogger? logger = null)
{
    public int LatestVersion => scripts.Count == 0 ? 0 : scripts.Max(s => s.Version);

    public async Task<int> CurrentVersionAsync(DbConnection connection, CancellationToken ct = default)
    {
        await EnsureVersionTableAsync(connection, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Applies every script up to <paramref name="targetVersion"/> (default: all) and returns the resulting version.</summary>
    public async Task<int> MigrateAsync(DbConnection connection, int? targetVersion = null, CancellationToken ct = default)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        var current = await CurrentVersionAsync(connection, ct);
        var target = targetVersion ?? LatestVersion;
        if (current > LatestVersion)
            throw new InvalidOperationException($"数据库结构版本为 {current}，高于本程序支持的 {LatestVersion}：请使用更新的程序版本。");
        var applied = await AppliedVersionsAsync(connection, ct);
        foreach (var script in scripts.Where(s => !applied.Contains(s.Version) && s.Version <= target).OrderBy(s => s.Version))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = script.Sql;
                await command.ExecuteNonQueryAsync(ct);
            }
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @t)";
                AddParameter(record, "@v", script.Version);
                AddParameter(record, "@n", script.Name);
                AddParameter(record, "@t", DateTimeOffset.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            logger?.LogInformation("Applied schema migration {Name}", script.Name);
            current = Math.Max(current, script.Version);
        }
        return current;
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version";
        var versions = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) versions.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return versions;
    }

    private static async Task EnsureVersionTableAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
