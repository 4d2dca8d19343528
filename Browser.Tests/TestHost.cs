using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using WorkflowEngine.Server;
using WorkflowEngine.Testing;

namespace WorkflowEngine.Browser.Tests;

/// <summary>The real Host on Kestrel, with a fresh SQLite file and a simulated clock, serving the built UI from Host/wwwroot.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    public const string ClockStart = "2026-03-02T09:00+08:00";
    private readonly WebApplication _app;
    private readonly string _db;

    private TestHost(WebApplication app, string db, string url)
    {
        _app = app;
        _db = db;
        Url = url;
    }

    public string Url { get; }

    public static async Task<TestHost> StartAsync()
    {
        var index = Path.Combine(Repository.Host, "wwwroot", "index.html");
        if (!File.Exists(index))
            Assert.Fail($"{index} is missing: the UI is built by `dotnet build` of Host (unless SkipClientApp=true).");
        var db = Path.Combine(Path.GetTempPath(), $"wf-browser-{Guid.NewGuid():N}.db");
        var url = $"http://127.0.0.1:{Ports.Free()}";
        var app = ServerApp.Build([
            "--db", db, "--clock", "simulated", "--clock-start", ClockStart, "--urls", url,
            "--contentRoot", Repository.Host, "--environment", "Production",
            "--Logging:LogLevel:Default=Warning",
            // Signs in as the sample users with their documented passwords, without the first-sign-in change.
            "--Auth:SeedMustChangePassword=false",
        ]);
        await app.StartAsync();
        return new TestHost(app, db, url);
    }


    public async ValueTask DisposeAsync()
    {
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _app.StopAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(_db + suffix);
            }
            catch (IOException)
            {
            }
        }
    }
}
