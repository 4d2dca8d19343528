using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Supervision;

/// <summary>
/// Escalation by rule (升级督办): a running case whose card has been red for at least a rule's number of working days — its
/// red limit still open — is put before the 分管领导 of its department (the department of the one who started it), once per
/// leader, as an escalation the leader answers like an urge. Working days are counted with the engine's calendar from the
/// limit's last day (exclusive) to today (inclusive). Run after every clock advance and by the periodic sweep.
/// </summary>
public sealed class EscalationSweep(
    WorkflowOptions options, IDbContextFactory<WorkflowDbContext> dbFactory, CaseService cases, CalendarService calendars, TimeProvider clock,
    ILogger<EscalationSweep> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var rules = options.Supervision.Escalation.Where(r => r.RedForWorkingDays > 0 && r.Notify == EscalationRule.DeputyOfDepartment)
            .OrderBy(r => r.RedForWorkingDays).ToList();
        if (rules.Count == 0) return 0;
        await _gate.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            var calendar = calendars.Current;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var red = await db.Alerts.AsNoTracking()
                .Where(a => a.Level == "red" && db.Cases.Any(c => c.Id == a.CaseId && c.Status == "running")
                    && (a.TaskKey == "" ? db.Deadlines.Any(d => d.CaseId == a.CaseId && d.Limit == a.Limit)
                        : db.Tasks.Any(t => t.CaseId == a.CaseId && t.TaskId == a.TaskKey)))
                .Select(a => new { a.CaseId, a.StepName, a.Limit, a.DueAt }).ToListAsync(ct);
            var escalated = 0;
            foreach (var alert in red.GroupBy(a => a.CaseId).Select(g => g.OrderBy(a => a.DueAt).First()))
            {
                var lastDay = WorkCalendar.LocalDate(alert.DueAt.AddTicks(-1));
                var today = WorkCalendar.LocalDate(now);
                var days = today > lastDay ? calendar.WorkingDaysBetween(lastDay, today) : 0;
                var rule = rules.LastOrDefault(r => days >= r.RedForWorkingDays);
                if (rule is null) continue;
                var leader = await (from c in db.Cases
                                    join u in db.Users on c.StartedBy equals u.Id
                                    join d in db.Departments on u.DepartmentId equals d.Id
                                    where c.Id == alert.CaseId
                                    select d.LeaderUserId).FirstOrDefaultAsync(ct);
                if (leader is null) continue;
                if (await db.Urges.AnyAsync(u => u.CaseId == alert.CaseId && u.Kind == "escalation" && u.AddressedTo == leader, ct)) continue;
                var what = alert.StepName is { } step ? $"“{step}”环节时限" : alert.Limit == "statutory" ? "法定时限" : "承诺时限";
                var message = $"{what}红牌已持续 {days} 个工作日（满 {rule.RedForWorkingDays} 个工作日升级督办）";
                var replyBy = calendar.Add(now, new Period(rule.ReplyWorkingDays, PeriodUnit.WorkingDays)).DueAt;
                var result = await cases.ExecuteAsync(alert.CaseId, new EscalateCase(leader, message, replyBy), Actor.System, ct);
                if (result.IsApplied) escalated++;
                else logger.LogWarning("Escalation of case {Case} to {Leader} not applied: {Outcome}", alert.CaseId, leader, result.Outcome);
            }
            return escalated;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Runs the escalation sweep every <c>Timers:SweepSeconds</c>.</summary>
public sealed class EscalationService(EscalationSweep sweep, WorkflowOptions options, ILogger<EscalationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Timers.SweepSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var count = await sweep.RunAsync(stoppingToken);
                if (count > 0) logger.LogInformation("Escalated {Count} cases whose red card lasted", count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Escalation sweep failed; it runs again at the next sweep");
            }
        }
    }
}
