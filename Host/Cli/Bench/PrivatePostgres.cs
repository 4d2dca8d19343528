using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>
/// A throwaway PostgreSQL server for the benchmarks when none is given (BENCH_PG): initdb in a temporary folder and
/// pg_ctl on a free loopback port, as the postgres OS user when run as root, with the server's default (durable)
/// settings; stopped and deleted at the end.
/// </summary>
public sealed class PrivatePostgres : IDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly string? _runAs;

    private PrivatePostgres(string bin, string folder, string? runAs, int port)
    {
        _bin = bin;
        _folder = folder;
        _runAs = runAs;
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Database=postgres;Username=postgres";
    }

    public string AdminConnectionString { get; }

    public static PrivatePostgres Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d).FirstOrDefault()
            : null;
        if (bin is null) throw new InvalidOperationException("PostgreSQL is not installed (apt-get install -y postgresql), and BENCH_PG gives no server.");
        var folder = Path.Combine(Path.GetTempPath(), "workflow-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        if (runAs is not null) Run("chown", ["-R", "postgres:postgres", folder], null);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var server = new PrivatePostgres(bin, folder, runAs, port);
        Run(Path.Combine(bin, "initdb"), ["-D", Path.Combine(folder, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"], runAs);
        Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1",
            "-l", Path.Combine(folder, "server.log"), "-w", "start"], runAs);
        return server;
    }

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop"], _runAs);
        Directory.Delete(_folder, recursive: true);
    }

    private static void Run(string program, IReadOnlyList<string> args, string? runAs)
    {
        var info = new ProcessStartInfo(runAs is null ? program : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        if (runAs is not null) foreach (var a in new[] { "-u", runAs, "--", program }) info.ArgumentList.Add(a);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {output.Result}{error.Result}");
    }
}
