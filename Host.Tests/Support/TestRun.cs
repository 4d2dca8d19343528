namespace WorkflowEngine.Host.Tests;

/// <summary>Work to do once every test of the run has finished (stopping the private PostgreSQL server).</summary>
[SetUpFixture]
public sealed class TestRun
{
    private static readonly List<Action> Cleanups = [];

    public static void OnEnd(Action cleanup)
    {
        lock (Cleanups) Cleanups.Add(cleanup);
    }

    [OneTimeTearDown]
    public void End()
    {
        List<Action> cleanups;
        lock (Cleanups) cleanups = [.. Cleanups];
        foreach (var cleanup in cleanups) cleanup();
    }
}
