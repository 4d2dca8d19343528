using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Store.Timers;

/// <summary>
/// Keeps Quartz's persistent "next-due" trigger at the earliest next timer of all cases (the cases table
/// is the truth), plus a recurring sweep that catches anything missed while the service was down. When several
/// nodes share the store (<paramref name="shared"/>), the trigger another node stored is read before it is
/// replaced, so that no node moves it later than a timer another node asked for.
/// </summary>
public sealed class WakeUpScheduler(
    ISchedulerFactory schedulers, IDbContextFactory<WorkflowDbContext> dbFactory, TimeProvider clock, ILogger<WakeUpScheduler> logger,
    TimeSpan sweepInterval, bool shared = false) : ICaseObserver
{
    public static readonly JobKey Job = new("due-timers", "workflow");
    public static readonly TriggerKey NextDue = new("next-due", "workflow");
    public static readonly TriggerKey Sweep = new("sweep", "workflow");

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset? _scheduledAt;
    /// <summary>Set once the job is stored: wake-ups asked for before that (the catch-up on start) are covered by StartAsync.</summary>
    private volatile bool _jobStored;

    /// <summary>Registers the job and the sweep, and fires once now to catch up on anything missed.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<DueTimersJob>().WithIdentity(Job).StoreDurably(true).Build();
        await scheduler.AddJob(job, new AddJobOptions { Replace = true }, ct);
        _jobStored = true;
        var sweep = TriggerBuilder.Create(clock).WithIdentity(Sweep).ForJob(Job)
            .StartAt(clock.GetUtcNow() + sweepInterval)
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(sweepInterval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(sweep, new ScheduleJobOptions { Replace = true }, ct);
        await ScheduleAtAsync(clock.GetUtcNow(), ct);
    }

    /// <summary>After a run: point the trigger at the earliest timer still waiting.</summary>
    public async Task ScheduleNextAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var next = await db.EarliestTimerAsync(upTo: null, ct);
        await _gate.WaitAsync(ct);
        try
        {
            _scheduledAt = null;
        }
        finally
        {
            _gate.Release();
        }
        if (next is { } at) await ScheduleAtAsync(at, ct);
    }

    /// <summary>Moves the trigger earlier when a case now wants a timer sooner than the one scheduled.</summary>
    public async Task ScheduleAtAsync(DateTimeOffset at, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (!shared && _scheduledAt is { } current && current <= at) return;
            var scheduler = await schedulers.GetScheduler(ct);
            if (shared && await scheduler.GetTrigger(NextDue, ct) is { } stored && stored.NextFireTimeUtc is { } next && next <= at) return;
            var trigger = TriggerBuilder.Create(clock).WithIdentity(NextDue).ForJob(Job).StartAt(at)
                .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions { Replace = true }, ct);
            _scheduledAt = at;
        }
        finally
        {
            _gate.Release();
        }
    }

    void ICaseObserver.Committed(IReadOnlyList<AlertRecord> newAlerts, DateTimeOffset? earliestTimer)
    {
        if (!_jobStored || earliestTimer is not { } at) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await ScheduleAtAsync(at, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not schedule the wake-up at {At}; the sweep will catch it", at);
            }
        });
    }
}
