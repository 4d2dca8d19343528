using WorkflowEngine.Engine.Calendar;

namespace WorkflowEngine.Server.Clock;

/// <summary>
/// On start, after the schema is brought up to date and before the scheduler starts: a simulated clock resumes at
/// the later of its configured start and the position stored before the restart, so that it never moves back.
/// </summary>
public sealed class ClockPositionRestorer(SimulatedTimeProvider clock, ClockPositionStore store, ILogger<ClockPositionRestorer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var configured = clock.GetUtcNow();
        ClockRange.Check(configured, "--clock-start");
        var stored = await store.ReadAsync(ct);
        if (stored > configured)
        {
            clock.MoveTo(stored.Value);
            logger.LogWarning("Simulated clock resumes at {Stored:O}, where it was before the restart (configured start {Configured:O} is earlier)",
                stored.Value.ToOffset(WorkCalendar.ChinaOffset), configured.ToOffset(WorkCalendar.ChinaOffset));
        }
        await store.SaveAsync(clock.GetUtcNow(), ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
