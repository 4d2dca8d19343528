namespace WorkflowEngine.Host.Tests.Support;

/// <summary>Reads or edits a service's database directly, as an administrator (or an intruder) would (SQLite file or PostgreSQL, see <see cref="TestDatabase"/>).</summary>
public static class Sqlite
{
    public static Task<long> ScalarAsync(string database, string sql, params (string Name, object Value)[] parameters) =>
        TestDatabase.ScalarAsync(database, sql, parameters);
}
