using Microsoft.EntityFrameworkCore;
using Quartz;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Database;

/// <summary>The configured store: SQLite in a file (the default) or a PostgreSQL database that several nodes can share.</summary>
public static class DatabaseSetup
{
    public static StoreDialect Dialect(DatabaseOptions options) =>
        options.Provider.Trim().ToLowerInvariant() switch
        {
            "" or "sqlite" => StoreDialect.Sqlite,
            "postgres" or "postgresql" or "npgsql" => StoreDialect.Postgres,
            _ => throw new ArgumentException($"Database:Provider（--db-provider）须为 Sqlite 或 Postgres，实际为“{options.Provider}”。"),
        };

    public static bool IsPostgres(DatabaseOptions options) => Dialect(options) == StoreDialect.Postgres;

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        if (IsPostgres(options)) PostgresSetup.Configure(builder, options);
        else SqliteSetup.Configure(builder, options);
    }

    /// <summary>Applies every pending schema script of the configured store; returns the schema version.</summary>
    public static Task<int> MigrateAsync(DatabaseOptions options, ILogger? logger = null, int? targetVersion = null) =>
        IsPostgres(options) ? PostgresSetup.MigrateAsync(options, logger, targetVersion) : SqliteSetup.MigrateAsync(options, logger, targetVersion);

    /// <summary>Where the data is, for logs (never with a password).</summary>
    public static string Describe(DatabaseOptions options) =>
        IsPostgres(options) ? PostgresSetup.Describe(options) : Path.GetFullPath(options.Path);

    /// <summary>
    /// Quartz's persistent store in the same database. On SQLite Quartz makes its own tables; on PostgreSQL they come
    /// with the schema scripts and the store is clustered: the wake-up and the sweep run on one node at a time and
    /// move to another when that node stops checking in.
    /// </summary>
    public static void ConfigureScheduler(IPersistentStoreBuilder store, WorkflowOptions options)
    {
        if (IsPostgres(options.Database))
        {
            store.UsePostgres(PostgresSetup.ConnectionString(options.Database));
            var checkin = TimeSpan.FromSeconds(options.Timers.ClusterCheckinSeconds);
            store.UseClustering(c =>
            {
                c.CheckinInterval = checkin;
                c.CheckinMisfireThreshold = checkin;
            });
        }
        else
        {
            store.UseSqlite(o => o.ConnectionString = SqliteSetup.ConnectionString(options.Database));
            store.ProvisionSchema();
        }
    }
}
