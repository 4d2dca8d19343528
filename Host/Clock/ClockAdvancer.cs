using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Clock;

public sealed record AdvanceResult(DateTimeOffset From, DateTimeOffset To, int TimersFired);

/// <summary>
/// Moves the simulated clock and fires everything that fell due on the way, in order: the clock stops at
/// each due instant, the timers due then fire, and it moves on.
/// Every position it stops at is stored (<see cref="ClockPositionStore"/>), so a restart resumes there. A move past
/// the working-day calendar's range is refused with <see cref="ClockRangeException"/>.
/// </summary>
public sealed class ClockAdvancer(SimulatedTimeProvider clock, CaseService cases, IDbContextFactory<WorkflowDbContext> dbFactory, ClockPositionStore positions,
    WorkflowEngine.Server.Supervision.EscalationSweep escalations)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<AdvanceResult> AdvanceAsync(TimeSpan duration, CancellationToken ct)
    {
        if (duration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), "时长须大于零。");
        await _gate.WaitAsync(ct);
        try
        {
            var from = clock.GetUtcNow();
            var target = ClockRange.Target(from, duration);
            var fired = 0;
            while (true)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var next = await db.EarliestTimerAsync(target, ct);
                if (next is null) break;
                if (next > clock.GetUtcNow())
                {
                    clock.MoveTo(next.Value);
                    await positions.SaveAsync(next.Value, ct);
                }
                fired += await cases.FireDueTimersAsync(clock.GetUtcNow(), ct: ct);
            }
            clock.MoveTo(target);
            await positions.SaveAsync(target, ct);
            await escalations.RunAsync(ct);
            return new AdvanceResult(from, target, fired);
        }
        finally
        {
            _gate.Release();
        }
    }
}
