using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using WorkflowEngine.Testing;

namespace WorkflowEngine.Host.Tests.Support;

/// <summary>
/// A private PostgreSQL server for this test run: made with initdb in a temporary folder and started with pg_ctl on a
/// free loopback port (as the <c>postgres</c> OS user when the tests run as root), one database per test or fixture,
/// stopped and deleted at the end of the run (<see cref="TestRun"/>). When the server's programs are not installed
/// the tests that need it are reported as skipped, with how to install them; with
/// <c>WORKFLOW_REQUIRE_ALL_TESTS=1</c> they fail instead.
/// </summary>
public sealed class PostgresServer
{
    public const string InstallHint = "apt-get install -y postgresql";
    private static readonly Lazy<(PostgresServer? Server, string? Problem)> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _folder;
    private readonly string? _runAs;
    private int _databases;

    private PostgresServer(string bin, string folder, int port, string? runAs)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        _runAs = runAs;
    }

    public int Port { get; }

    public string BinDirectory => _bin;

    /// <summary>The connection string of the server's administrative database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Pooling=true;Maximum Pool Size=30;Timeout=30;Command Timeout=60";

    /// <summary>The running server; skips the test (or fails it when every test is required) when PostgreSQL is not installed.</summary>
    public static PostgresServer Require()
    {
        var (server, problem) = Instance.Value;
        if (server is not null) return server;
        Prerequisite.Missing($"PostgreSQL is not available for this test: {problem} Install it with: {InstallHint}");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A new empty database on the server; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"wf_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30];
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>The directory of initdb, pg_ctl and pg_dump: WORKFLOW_PG_BIN, or the newest /usr/lib/postgresql/N/bin, or the PATH.</summary>
    public static string? FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("WORKFLOW_PG_BIN");
        if (!string.IsNullOrEmpty(configured)) return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var newest = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
                .OrderByDescending(d => d.Version).FirstOrDefault();
            if (newest.Dir is not null) return newest.Dir;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"))) return dir;
        return null;
    }

    private static (PostgresServer?, string?) Start()
    {
        var bin = FindBinaries();
        if (bin is null) return (null, "initdb and pg_ctl were not found (looked in WORKFLOW_PG_BIN, /usr/lib/postgresql/*/bin and the PATH).");
        var root = Environment.UserName == "root";
        if (root && !UserExists("postgres")) return (null, "the tests run as root, and initdb needs the 'postgres' OS user, which does not exist.");
        var folder = Path.Combine(Path.GetTempPath(), $"workflow-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(folder);
        var runAs = root ? "postgres" : null;
        if (root) Run("chown", ["-R", "postgres:postgres", folder], null);
        var data = Path.Combine(folder, "data");
        var init = Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"], runAs);
        if (init.Code != 0) return (null, $"initdb failed ({init.Code}): {init.Output}");

        // A port that is free now; if another process takes it before the server binds, try another.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var port = Ports.Free();
            var server = new PostgresServer(bin, folder, port, runAs);
            // The tests prove logic, not the disk: fsync is off to keep them quick. The benchmarks use a durable server.
            var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off " +
                          "-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB";
            var start = Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start"], runAs);
            if (start.Code == 0)
            {
                TestRun.OnEnd(server.Stop);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
                return (server, null);
            }
            var log = File.Exists(Path.Combine(folder, "server.log")) ? File.ReadAllText(Path.Combine(folder, "server.log")) : "";
            if (!log.Contains("Address already in use", StringComparison.Ordinal))
                return (null, $"pg_ctl start failed ({start.Code}): {start.Output} {log}");
        }
        return (null, "no free port could be bound.");
    }

    private int _stopped;

    /// <summary>Stops the server without waiting for clients and deletes its folder.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        NpgsqlConnection.ClearAllPools();
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], _runAs);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Runs a program of the server's (as the postgres user when root) and returns its exit code and output.</summary>
    public (int Code, string Output) RunTool(string tool, params string[] args) => Run(Path.Combine(_bin, tool), args, _runAs);

    private static (int Code, string Output) Run(string program, IReadOnlyList<string> args, string? runAs)
    {
        var info = new ProcessStartInfo(runAs is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (runAs is not null)
        {
            foreach (var a in new[] { "-u", runAs, "--", program }) info.ArgumentList.Add(a);
        }
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
    }

    private static bool UserExists(string name) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(name + ":", StringComparison.Ordinal));

}
