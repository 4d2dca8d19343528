using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Services;
using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

public static class TaskEndpoints
{
    public static void MapTasks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tasks", async (ClaimsPrincipal user, IDbContextFactory<WorkflowDbContext> dbFactory, DefinitionStore definitions,
            CalendarService calendars, RoleNames roleNames, TimeProvider clock, CancellationToken ct) =>
        {
            var actor = user.ToActor();
            var roles = actor.Roles.ToList();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await (from t in db.Tasks.AsNoTracking()
                              join c in db.Cases.AsNoTracking() on t.CaseId equals c.Id
                              where roles.Contains(t.Role)
                              select new { Task = t, Case = new { c.Id, c.CaseNo, c.Title, c.DefinitionId, c.DefinitionVersion } }).ToListAsync(ct);
            var caseIds = rows.Select(r => r.Case.Id).Distinct().ToList();
            var paused = (await db.Deadlines.AsNoTracking().Where(d => caseIds.Contains(d.CaseId) && d.Paused).Select(d => d.CaseId).ToListAsync(ct)).ToHashSet();
            var calendar = calendars.Current;
            var now = clock.GetUtcNow();
            var items = new List<WorkItemDto>();
            foreach (var row in rows)
            {
                var definition = await definitions.GetAsync(row.Case.DefinitionId, row.Case.DefinitionVersion, ct);
                items.Add(new WorkItemDto(row.Case.Id, row.Case.CaseNo, row.Case.Title, row.Case.DefinitionId, definition?.Name ?? row.Case.DefinitionId,
                    row.Task.TaskId, row.Task.StepId, row.Task.StepName, row.Task.Kind, row.Task.Role, roleNames.Of(row.Task.Role),
                    row.Task.EnteredAt, row.Task.DueAt, row.Task.WarnAt, row.Task.Provisional, paused.Contains(row.Case.Id),
                    row.Task.DueAt is { } due ? DeadlineStanding.WorkingDaysLeft(calendar, DeadlineStanding.LastDayOf(due), now) : null,
                    row.Task.DueAt is { } dueAt ? DeadlineStanding.Level(dueAt, row.Task.WarnAt, now) : null));
            }
            return Results.Ok(items.OrderBy(i => i.DueAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.EnteredAt));
        }).WithTags("Tasks").Produces<IReadOnlyList<WorkItemDto>>();
    }
}
