using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Database;

/// <summary>A PostgreSQL database shared by one or more nodes: connection string, and the versioned schema scripts.</summary>
public static class PostgresSetup
{
    public static readonly IReadOnlyList<MigrationScript> Scripts =
        MigrationScript.FromResources(typeof(PostgresSetup).Assembly, "migrations/Postgres/");

    /// <summary>Any advisory lock number will do as long as all nodes use the same one.</summary>
    private const long MigrationLock = 7201000;

    /// <summary>
    /// The configured connection string, with statements prepared automatically on the server after their second use
    /// (the write path runs the same few statements all day) unless the string says otherwise.
    /// </summary>
    public static string ConnectionString(DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new ArgumentException("Database:Provider 为 Postgres 时须设置 Database:ConnectionString（--db-connection），如 Host=localhost;Database=workflow;Username=workflow;Password=…");
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (!options.ConnectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        builder.UseNpgsql(ConnectionString(options));

    /// <summary>
    /// Applies every pending schema script. Nodes starting together take turns on an advisory lock, so each
    /// script runs once.
    /// </summary>
    public static async Task<int> MigrateAsync(DatabaseOptions options, ILogger? logger = null, int? targetVersion = null, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(options));
        await connection.OpenAsync(ct);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", connection))
            await lockCommand.ExecuteNonQueryAsync(ct);
        try
        {
            return await new SchemaMigrator(Scripts, logger).MigrateAsync(connection, targetVersion, ct);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The connection string without its password, for logs.</summary>
    public static string Describe(DatabaseOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }
}
