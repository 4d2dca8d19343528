using Microsoft.Data.Sqlite;

namespace WorkflowEngine.Host.Tests.Support;

/// <summary>Reads or edits a service's SQLite file directly, as an administrator (or an intruder) would.</summary>
public static class Sqlite
{
    public static async Task<long> ScalarAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
