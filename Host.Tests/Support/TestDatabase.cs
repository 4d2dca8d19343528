using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace WorkflowEngine.Host.Tests.Support;

/// <summary>
/// The stores a fixture runs on: "Sqlite" (a file) or "Postgres" (a database on the private server). A database is a
/// SQLite file path or a PostgreSQL connection string; <see cref="WorkflowHost"/> takes either.
/// </summary>
public static class TestDatabase
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>A fresh, empty database of the provider (a PostgreSQL database skips the test when PostgreSQL is not installed).</summary>
    public static string New(string provider) => provider switch
    {
        Sqlite => Path.Combine(TestContext.CurrentContext.WorkDirectory, "db", $"{Guid.NewGuid():N}.db"),
        Postgres => PostgresServer.Require().CreateDatabase(),
        _ => throw new ArgumentException($"unknown provider {provider}"),
    };

    /// <summary>The service's database settings for this database.</summary>
    public static WorkflowEngine.Server.Configuration.DatabaseOptions Options(string database) => IsPostgres(database)
        ? new() { Provider = Postgres, ConnectionString = database }
        : new() { Path = database };

    public static bool IsPostgres(string database) => database.StartsWith("Host=", StringComparison.Ordinal);

    public static DbConnection Connect(string database) =>
        IsPostgres(database) ? new NpgsqlConnection(database) : new SqliteConnection($"Data Source={database};Pooling=False");

    /// <summary>Runs one statement directly on the database, as an administrator (or an intruder) would; parameters are named @x.</summary>
    public static async Task<long> ScalarAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Connect(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
