using Microsoft.Extensions.Logging;
using Quartz;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Store.Timers;

/// <summary>
/// Fires every case timer that has come due, then asks for the next wake-up. Run by Quartz at each due
/// instant and by the recurring sweep; never twice at once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DueTimersJob(CaseService cases, WakeUpScheduler wakeUp, TimeProvider clock, ILogger<DueTimersJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var fired = await cases.FireDueTimersAsync(clock.GetUtcNow(), ct: cancellationToken);
        if (fired > 0) logger.LogInformation("Fired {Count} due case timers", fired);
        try
        {
            await wakeUp.ScheduleNextAsync(cancellationToken);
        }
        catch (SchedulerException) when (context.Scheduler.Status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown)
        {
            // The service is stopping: its next start fires whatever falls due meanwhile and schedules again.
        }
    }
}
