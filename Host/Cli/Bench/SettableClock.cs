namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>A clock the benchmark sets, to create cases whose deadlines fall at chosen real instants.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
