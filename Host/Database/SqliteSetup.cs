using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Server.Configuration;

namespace WorkflowEngine.Server.Database;

/// <summary>The SQLite file: connection string, per-connection settings, and the versioned schema scripts.</summary>
public static class SqliteSetup
{
    public static readonly IReadOnlyList<MigrationScript> Scripts =
        MigrationScript.FromResources(typeof(SqliteSetup).Assembly, "migrations/Sqlite/");

    public static string ConnectionString(DatabaseOptions options) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.Path),
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>SQLite's own default (and the service's): a connection needs no setting for it.</summary>
    private const string DefaultSynchronous = "FULL";

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        builder.UseSqlite(ConnectionString(options));
        var synchronous = Synchronous(options);
        if (synchronous != DefaultSynchronous) builder.AddInterceptors(new ConnectionSettings(synchronous));
    }

    /// <summary>The synchronous setting in SQLite's spelling; anything else is refused.</summary>
    private static string Synchronous(DatabaseOptions options)
    {
        var mode = options.Synchronous.Trim().ToUpperInvariant();
        return mode is "FULL" or "NORMAL" or "EXTRA" or "OFF" ? mode
            : throw new ArgumentException($"Database:Synchronous 须为 FULL、NORMAL、EXTRA 或 OFF，实际为“{options.Synchronous}”。");
    }

    /// <summary>Creates the file if needed, switches it to WAL and applies every pending schema script.</summary>
    public static async Task<int> MigrateAsync(DatabaseOptions options, ILogger? logger = null, int? targetVersion = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.Path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        await using var connection = new SqliteConnection(ConnectionString(options));
        await connection.OpenAsync();
        await ConnectionSettings.ApplyAsync(connection, Synchronous(options));
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync();
        }
        return await new SchemaMigrator(Scripts, logger).MigrateAsync(connection, targetVersion);
    }

    /// <summary>
    /// SQLite keeps its durability setting per connection. Waiting for the write lock needs no setting:
    /// Microsoft.Data.Sqlite retries a busy database until the connection's Default Timeout (30 s).
    /// </summary>
    private sealed class ConnectionSettings(string synchronous) : DbConnectionInterceptor
    {
        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default) =>
            await ApplyAsync(connection, synchronous);

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
            ApplyAsync(connection, synchronous).GetAwaiter().GetResult();

        public static async Task ApplyAsync(DbConnection connection, string synchronous)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA synchronous={synchronous};";
            await command.ExecuteNonQueryAsync();
        }
    }
}
