using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Store.Services;
using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

public static class TaskEndpoints
{
    public static void MapTasks(this IEndpointRouteBuilder app)
    {
        // The work list (待办): the open tasks of the user's posts that are not assigned to someone else, the tasks assigned to
        // the user (transferred to them, or theirs to sign), and those of the posts they stand in for now (marked with the
        // principal); most urgent first — due soonest first, tasks without a limit last, then by arrival; paged by keyset on
        // (due_at, entered_at, case_id, task_id), one indexed range per source. Each item says how many open urges it has.
        app.MapGet("/api/tasks", async (string? limit, string? cursor, ClaimsPrincipal user, IDbContextFactory<WorkflowDbContext> dbFactory,
            DefinitionStore definitions, CalendarService calendars, RoleNames roleNames, UserDirectory directory, TimeProvider clock, CancellationToken ct) =>
        {
            var (size, limitError) = Paging.Limit(limit);
            if (limitError is not null) return limitError;
            var (key, cursorError) = Paging.Cursor(cursor, 4);
            if (cursorError is not null) return cursorError;
            if (key is not null && !Paging.Valid(key, k => (Paging.Instant(k[0]), Paging.Instant(k[1])!.Value, k[2]!, k[3]!))) return Paging.BadCursor();
            var after = key is null ? null : new TaskKey(Paging.Instant(key[0]), Paging.Instant(key[1])!.Value, key[2]!, key[3]!);

            var actor = user.ToActor();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var me = actor.Id;
            var sources = WorkList.Sources(db, me, actor.Roles, directory, clock.GetUtcNow());
            var found = new Dictionary<(string, string), (TaskRecord Task, string? For)>();
            foreach (var (query, principalName) in sources)
                foreach (var task in await PageOfAsync(query, after, size + 1, ct))
                    found.TryAdd((task.CaseId, task.TaskId), (task, principalName));
            var page = found.Values.OrderBy(f => TaskKey.Of(f.Task), TaskKey.Comparer).Take(size + 1).ToList();
            var next = page.Count > size ? TaskKey.Of(page[size - 1].Task).Encode() : null;
            if (page.Count > size) page.RemoveAt(size);

            var caseIds = page.Select(t => t.Task.CaseId).Distinct().ToList();
            var openUrges = await db.Urges.AsNoTracking().Where(u => caseIds.Contains(u.CaseId) && u.AnsweredAt == null && u.Kind == "urge")
                .Select(u => new { u.CaseId, u.TaskId }).ToListAsync(ct);
            var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                .Select(c => new { c.Id, c.CaseNo, c.Title, c.DefinitionId, c.DefinitionVersion }).ToDictionaryAsync(c => c.Id, ct);
            var paused = (await db.Deadlines.AsNoTracking().Where(d => caseIds.Contains(d.CaseId) && d.Paused).Select(d => d.CaseId).ToListAsync(ct)).ToHashSet();
            var calendar = calendars.Current;
            var now = clock.GetUtcNow();
            var items = new List<WorkItemDto>(page.Count);
            foreach (var (t, actingFor) in page)
            {
                if (!cases.TryGetValue(t.CaseId, out var c)) continue;
                var definition = await definitions.GetAsync(c.DefinitionId, c.DefinitionVersion, ct);
                var step = definition?.FindStep(t.StepId);
                items.Add(new WorkItemDto(c.Id, c.CaseNo, c.Title, c.DefinitionId, definition?.Name ?? c.DefinitionId,
                    t.TaskId, t.StepId, t.StepName, t.Kind, t.Role, roleNames.Of(t.Role),
                    t.EnteredAt, t.DueAt, t.WarnAt, t.Provisional, paused.Contains(c.Id),
                    t.DueAt is { } due ? DeadlineStanding.WorkingDaysLeft(calendar, DeadlineStanding.LastDayOf(due), now) : null,
                    t.DueAt is { } dueAt ? DeadlineStanding.Level(dueAt, t.WarnAt, now) : null,
                    t.AssignedTo == me, actingFor, openUrges.Count(u => u.CaseId == t.CaseId && (u.TaskId == null || u.TaskId == t.TaskId)))
                {
                    Assignment = step is null ? roleNames.Of(t.Role) : TaskAssignment.Of(definition!, step),
                    AssignedTo = t.AssignedTo is { } to ? new RosterMember(to, directory.Current.NameOf(to) ?? to) : null,
                });
            }
            return Results.Ok(new WorkItemPage(items, next));
        }).WithTags("Tasks").Produces<WorkItemPage>();
    }

    /// <summary>Up to <paramref name="take"/> tasks of one source after <paramref name="after"/>: those with a limit by due instant, then those without.</summary>
    private static async Task<List<TaskRecord>> PageOfAsync(IQueryable<TaskRecord> tasks, TaskKey? after, int take, CancellationToken ct)
    {
        var result = new List<TaskRecord>();
        if (after is null || after.DueAt is not null)
        {
            var limited = tasks.Where(t => t.DueAt != null);
            if (after is { DueAt: { } d, EnteredAt: var e, CaseId: var c, TaskId: var k })
                limited = limited.Where(t => t.DueAt >= d && (t.DueAt > d || t.EnteredAt > e
                    || (t.EnteredAt == e && (string.Compare(t.CaseId, c) > 0 || (t.CaseId == c && string.Compare(t.TaskId, k) > 0)))));
            result.AddRange(await limited.OrderBy(t => t.DueAt).ThenBy(t => t.EnteredAt).ThenBy(t => t.CaseId).ThenBy(t => t.TaskId).Take(take).ToListAsync(ct));
        }
        if (result.Count < take)
        {
            var open = tasks.Where(t => t.DueAt == null);
            if (after is { DueAt: null, EnteredAt: var e, CaseId: var c, TaskId: var k })
                open = open.Where(t => t.EnteredAt >= e && (t.EnteredAt > e
                    || string.Compare(t.CaseId, c) > 0 || (t.CaseId == c && string.Compare(t.TaskId, k) > 0)));
            result.AddRange(await open.OrderBy(t => t.EnteredAt).ThenBy(t => t.CaseId).ThenBy(t => t.TaskId).Take(take - result.Count).ToListAsync(ct));
        }
        return result;
    }

    private sealed record TaskKey(DateTimeOffset? DueAt, DateTimeOffset EnteredAt, string CaseId, string TaskId)
    {
        public static TaskKey Of(TaskRecord t) => new(t.DueAt, t.EnteredAt, t.CaseId, t.TaskId);

        public string Encode() => Paging.Encode(Paging.Ticks(DueAt), Paging.Ticks(EnteredAt), CaseId, TaskId);

        public static readonly IComparer<TaskKey> Comparer = Comparer<TaskKey>.Create((a, b) =>
        {
            var due = (a.DueAt, b.DueAt) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                ({ } x, { } y) => x.UtcTicks.CompareTo(y.UtcTicks),
            };
            if (due != 0) return due;
            var entered = a.EnteredAt.UtcTicks.CompareTo(b.EnteredAt.UtcTicks);
            if (entered != 0) return entered;
            var c = string.CompareOrdinal(a.CaseId, b.CaseId);
            return c != 0 ? c : string.CompareOrdinal(a.TaskId, b.TaskId);
        });
    }
}
