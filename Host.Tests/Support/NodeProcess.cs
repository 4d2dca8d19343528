using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using WorkflowEngine.Testing;

namespace WorkflowEngine.Host.Tests.Support;

/// <summary>
/// The service as its own process (<c>dotnet WorkflowEngine.Host.dll</c>) on a free loopback port, so that a test can
/// stop it the hard way (<see cref="Kill"/>: SIGKILL, no graceful stop, Quartz's rows left as they were).
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }
    public Uri BaseAddress { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts a node on the database (a PostgreSQL connection string or a SQLite file) and waits until it answers /health.</summary>
    public static async Task<NodeProcess> StartAsync(string database, params string[] settings)
    {
        string[] store = TestDatabase.IsPostgres(database) ? ["--db-provider", "Postgres", "--db-connection", database] : ["--db", database];
        var port = Ports.Free();
        var dll = Path.Combine(AppContext.BaseDirectory, "WorkflowEngine.Host.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in new[] { dll, "--urls", $"http://127.0.0.1:{port}" }.Concat(store).Concat(new[] {
                     "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
                     "--Auth:SeedMustChangePassword=false" }).Concat(settings))
            info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var node = new NodeProcess(Process.Start(info)!, port);
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (node._process.HasExited) throw new InvalidOperationException($"The node exited with {node._process.ExitCode}:\n{node.Output}");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return node;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        node.Kill();
        throw new TimeoutException($"The node did not answer /health within 90 s:\n{node.Output}");
    }

    public Task<HttpClient> LoginAsync(string username) => LoginAtAsync(BaseAddress, username);

    /// <summary>Signs in at a node, or at a proxy in front of nodes.</summary>
    public static async Task<HttpClient> LoginAtAsync(Uri baseAddress, string username)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password = username + "@2026" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());
        return client;
    }

    /// <summary>SIGKILL: the process ends at once, without stopping anything.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

}
