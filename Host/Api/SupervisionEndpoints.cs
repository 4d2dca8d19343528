using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Api;

public sealed record OpenDeadlineDto(
    string CaseId, string CaseNo, string Title, string DefinitionId, string DefinitionName, string? Category, string Limit, string? TaskId,
    string? StepName, string Period, string PeriodText, int WorkingDaysLeft, DateTimeOffset DueAt, DateTimeOffset? WarnAt, bool Provisional, bool Paused, DeadlineLevel Level);

public sealed record OnTimeDto(string DefinitionId, string DefinitionName, string? Category, string Month, int Closed, int OnTime);

/// <summary>What supervisors (电子监察) read besides alerts: open deadlines by urgency, and on-time rates.</summary>
public static class SupervisionEndpoints
{
    public static void MapSupervision(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deadlines", async (string? level, IDbContextFactory<WorkflowDbContext> dbFactory, DefinitionStore definitions, CalendarService calendars,
            TimeProvider clock, CancellationToken ct) =>
        {
            DeadlineLevel? wanted = level switch
            {
                null or "" => null,
                "red" => DeadlineLevel.Red,
                "yellow" => DeadlineLevel.Yellow,
                "normal" => DeadlineLevel.Normal,
                _ => (DeadlineLevel)(-1),
            };
            if ((int?)wanted == -1) return Problems.BadRequest("level 应为 red（红牌）、yellow（黄牌）或 normal（正常）。");
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var cases = await db.Cases.AsNoTracking().Where(c => c.Status == "running")
                .Select(c => new { c.Id, c.CaseNo, c.Title, c.DefinitionId, c.DefinitionVersion }).ToDictionaryAsync(c => c.Id, ct);
            var caseLimits = await db.Deadlines.AsNoTracking().ToListAsync(ct);
            var stepLimits = await db.Tasks.AsNoTracking().Where(t => t.DueAt != null).ToListAsync(ct);
            var paused = caseLimits.Where(d => d.Paused).Select(d => d.CaseId).ToHashSet();
            var rows = caseLimits.Select(d => (d.CaseId, d.Limit, TaskId: (string?)null, StepId: (string?)null, StepName: (string?)null, d.Duration, d.DueAt,
                    d.WarnAt, d.Provisional, d.Paused))
                .Concat(stepLimits.Select(t => (t.CaseId, Limit: "step", TaskId: (string?)t.TaskId, StepId: (string?)t.StepId, StepName: (string?)t.StepName,
                    Duration: "", DueAt: t.DueAt!.Value, t.WarnAt, t.Provisional, Paused: false)));
            var result = new List<OpenDeadlineDto>();
            foreach (var d in rows)
            {
                if (!cases.TryGetValue(d.CaseId, out var c)) continue;
                var definition = await definitions.GetAsync(c.DefinitionId, c.DefinitionVersion, ct);
                var duration = d.StepId is { } stepId && definition is not null
                    ? definition.FindStep(stepId)?.TimeLimit?.Period.ToString() ?? "" : d.Duration;
                var current = DeadlineStanding.Level(d.DueAt, d.WarnAt, now);
                if (wanted is not null && current != wanted) continue;
                result.Add(new OpenDeadlineDto(c.Id, c.CaseNo, c.Title, c.DefinitionId, definition?.Name ?? c.DefinitionId, definition?.Category,
                    d.Limit, d.TaskId, d.StepName, duration, Period.TryParse(duration, out var p) ? p.ToChinese() : duration,
                    DeadlineStanding.WorkingDaysLeft(calendars.Current, DeadlineStanding.LastDayOf(d.DueAt), now), d.DueAt, d.WarnAt, d.Provisional, d.Paused || (d.TaskId is null && paused.Contains(d.CaseId)), current));
            }
            return Results.Ok(result.OrderBy(r => r.DueAt));
        }).WithTags("Supervision").RequireAuthorization(Policies.Supervisor).Produces<IReadOnlyList<OpenDeadlineDto>>();

        app.MapGet("/api/stats/on-time", async (IDbContextFactory<WorkflowDbContext> dbFactory, DefinitionStore definitions, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var closed = await db.Cases.AsNoTracking().Where(c => c.ClosedAt != null)
                .Select(c => new { c.Id, c.DefinitionId, c.DefinitionVersion, c.ClosedAt }).ToListAsync(ct);
            // A case is late when any of its limits went red: the statutory or promised limit, or any step's own.
            var late = (await db.Alerts.AsNoTracking().Where(a => a.Level == "red").Select(a => a.CaseId).ToListAsync(ct)).ToHashSet();
            var result = new List<OnTimeDto>();
            foreach (var group in closed.GroupBy(c => (c.DefinitionId, Month: WorkCalendar.LocalDate(c.ClosedAt!.Value).ToString("yyyy-MM", CultureInfo.InvariantCulture))))
            {
                var any = group.First();
                var definition = await definitions.GetAsync(any.DefinitionId, any.DefinitionVersion, ct);
                result.Add(new OnTimeDto(group.Key.DefinitionId, definition?.Name ?? group.Key.DefinitionId, definition?.Category, group.Key.Month,
                    group.Count(), group.Count(c => !late.Contains(c.Id))));
            }
            return Results.Ok(result.OrderBy(r => r.Month).ThenBy(r => r.DefinitionId));
        }).WithTags("Supervision").RequireAuthorization(Policies.Supervisor).Produces<IReadOnlyList<OnTimeDto>>();
    }
}
