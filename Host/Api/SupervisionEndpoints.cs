using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Persistence;

namespace WorkflowEngine.Server.Api;

public sealed record OpenDeadlineDto(
    string CaseId, string CaseNo, string Title, string DefinitionId, string DefinitionName, string? Category, string Limit, string? TaskId,
    string? StepName, string Duration, DateTimeOffset DueAt, DateTimeOffset? WarnAt, bool Provisional, bool Paused, string State);

public sealed record OnTimeDto(string DefinitionId, string DefinitionName, string? Category, string Month, int Closed, int OnTime);

/// <summary>What supervisors (电子监察) read besides alerts: open deadlines by urgency, and on-time rates.</summary>
public static class SupervisionEndpoints
{
    public static void MapSupervision(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deadlines", async (string? state, IDbContextFactory<WorkflowDbContext> dbFactory, DefinitionStore definitions,
            TimeProvider clock, CancellationToken ct) =>
        {
            if (state is not (null or "" or "overdue" or "due-soon" or "ok")) return Problems.BadRequest("state 应为 overdue、due-soon 或 ok。");
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await (from d in db.Deadlines.AsNoTracking()
                              join c in db.Cases.AsNoTracking() on d.CaseId equals c.Id
                              select new { Deadline = d, Case = c }).ToListAsync(ct);
            var result = new List<OpenDeadlineDto>();
            foreach (var row in rows)
            {
                var d = row.Deadline;
                var definition = await definitions.GetAsync(row.Case.DefinitionId, row.Case.DefinitionVersion, ct);
                var current = d.Paused ? "paused" : d.DueAt <= now ? "overdue" : d.WarnAt is { } w && w <= now ? "due-soon" : "ok";
                if (!string.IsNullOrEmpty(state) && current != state) continue;
                result.Add(new OpenDeadlineDto(row.Case.Id, row.Case.CaseNo, row.Case.Title, row.Case.DefinitionId, definition?.Name ?? row.Case.DefinitionId,
                    definition?.Category, d.Limit, d.TaskId, d.StepId is { } s ? definition?.FindStep(s)?.Name : null, d.Duration, d.DueAt, d.WarnAt,
                    d.Provisional, d.Paused, current));
            }
            return Results.Ok(result.OrderBy(r => r.DueAt));
        }).WithTags("Supervision").RequireAuthorization(Policies.Supervisor);

        app.MapGet("/api/stats/on-time", async (IDbContextFactory<WorkflowDbContext> dbFactory, DefinitionStore definitions, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var closed = await db.Cases.AsNoTracking().Where(c => c.ClosedAt != null)
                .Select(c => new { c.Id, c.DefinitionId, c.DefinitionVersion, c.ClosedAt }).ToListAsync(ct);
            var late = (await db.Alerts.AsNoTracking().Where(a => a.Level == "red" && a.TaskKey == "").Select(a => a.CaseId).ToListAsync(ct)).ToHashSet();
            var result = new List<OnTimeDto>();
            foreach (var group in closed.GroupBy(c => (c.DefinitionId, Month: WorkCalendar.LocalDate(c.ClosedAt!.Value).ToString("yyyy-MM", CultureInfo.InvariantCulture))))
            {
                var any = group.First();
                var definition = await definitions.GetAsync(any.DefinitionId, any.DefinitionVersion, ct);
                result.Add(new OnTimeDto(group.Key.DefinitionId, definition?.Name ?? group.Key.DefinitionId, definition?.Category, group.Key.Month,
                    group.Count(), group.Count(c => !late.Contains(c.Id))));
            }
            return Results.Ok(result.OrderBy(r => r.Month).ThenBy(r => r.DefinitionId));
        }).WithTags("Supervision").RequireAuthorization(Policies.Supervisor);
    }
}
