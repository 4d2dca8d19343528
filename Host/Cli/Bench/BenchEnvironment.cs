using WorkflowEngine.Store.Services;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Server.Startup;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>A fresh database in a temporary folder with the service layer over it, set up as the service sets itself up.</summary>
public sealed class BenchEnvironment : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchEnvironment(WorkflowOptions options, ServiceProvider services)
    {
        Options = options;
        _services = services;
    }

    public WorkflowOptions Options { get; }
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <param name="synchronous">SQLite's synchronous setting for this service stack (the service's own is FULL).</param>
    public static Task<BenchEnvironment> CreateAsync(BenchFolder folder, TimeProvider clock, string synchronous = "FULL") =>
        CreateAsync(folder.Database, clock, synchronous);

    /// <summary>The service layer over the SQLite file <paramref name="database"/> (made when missing).</summary>
    public static Task<BenchEnvironment> CreateAsync(string database, TimeProvider clock, string synchronous = "FULL") =>
        CreateAsync(new WorkflowOptions { Database = { Path = database, Synchronous = synchronous }, Auth = { SeedMustChangePassword = false } }, clock);

    /// <summary>The service layer, without web or scheduler, on the database of <paramref name="options"/> (SQLite or PostgreSQL).</summary>
    public static async Task<BenchEnvironment> CreateAsync(WorkflowOptions options, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        ServerApp.AddWorkflowCore(services, options, clock);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StartupInitializer>().StartAsync(CancellationToken.None);
        return new BenchEnvironment(options, provider);
    }

    public CaseService Cases => Get<CaseService>();

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
