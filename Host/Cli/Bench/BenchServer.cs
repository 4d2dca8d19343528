namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>The service on a benchmark's throwaway database: loopback, any free port, quiet, sample users signed in as they are.</summary>
public static class BenchServer
{
    public static WebApplication Build(string database) => ServerApp.Build(
    [
        "--db", database, "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
        // As deployed, whatever launch profile `dotnet run` applied: Development validates every service scope it resolves.
        "--environment", "Production",
        // The sample users' first-sign-in password change would stop every scripted client.
        "--Auth:SeedMustChangePassword=false",
    ]);
}
