using WorkflowEngine.Store.Services;
using WorkflowEngine.Store.Timers;

namespace WorkflowEngine.Server.Startup;

/// <summary>
/// On start: fires every timer that fell due while the service was stopped (each alert once — raising is
/// idempotent), then registers the due-timers job with Quartz at the next due instant, plus the sweep.
/// </summary>
public sealed class WakeUpStarter(CaseService cases, WakeUpScheduler wakeUp, TimeProvider clock, ILogger<WakeUpStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        var fired = await cases.FireDueTimersAsync(clock.GetUtcNow(), ct: ct);
        if (fired > 0)
            logger.LogWarning("Caught up on {Count} timers that fell due while the service was stopped ({Elapsed:0.0} s)",
                fired, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        await wakeUp.StartAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
