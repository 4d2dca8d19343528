using Microsoft.Data.Sqlite;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>A temporary folder for a benchmark's database, deleted with everything in it when the benchmark ends.</summary>
public sealed class BenchFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "workflow-bench-" + Guid.NewGuid().ToString("N")[..8]);

    public BenchFolder() => Directory.CreateDirectory(Path);

    public string Database => System.IO.Path.Combine(Path, "bench.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
