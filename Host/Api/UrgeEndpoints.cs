using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Api;

/// <summary>An urge (督办) or escalation (升级督办) as lists show it. <see cref="Id"/> is "{caseId}-{urgeId}".</summary>
public sealed record UrgeDto(
    string Id, string CaseId, string CaseNo, string CaseTitle, string Kind, string? TaskId, string? StepName, string ByName, string Message,
    DateTimeOffset At, DateTimeOffset ReplyBy, string? AddressedTo, string? AddressedName, string? Answer, string? AnsweredByName,
    DateTimeOffset? AnsweredAt, string Status, bool Late);

public sealed record UrgePage(IReadOnlyList<UrgeDto> Items, string? Next);

public static class UrgeEndpoints
{
    private static readonly string[] Statuses = ["open", "answered", "late", "all"];

    public static void MapUrges(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/urges").WithTags("Urges");

        // Answers an urge: the runtime decides who may (the urged task's handler or their stand-in; for an escalation, the
        // leader it was put to). Outside the caller's scope the case, and so the urge, does not exist.
        group.MapPost("/{id}/answer", (string id, AnswerRequest request, HttpContext http) =>
        {
            var cut = id.LastIndexOf('-');
            if (cut <= 0 || cut == id.Length - 1) return Task.FromResult(Problems.NotFound($"督办“{id}”不存在。"));
            return CaseEndpoints.Execute(http, id[..cut], new AnswerUrge(id[(cut + 1)..], request.Answer ?? ""));
        }).Produces<CaseDto>();

        // Supervisors (and administrators): every urge, newest first, paged by keyset on (at, case_id, urge_id). Anyone else:
        // the urges to answer — open urges on the tasks of their work list, escalations put to them — and those they made.
        group.MapGet("", async (string? status, string? limit, string? cursor, ClaimsPrincipal user, IDbContextFactory<WorkflowDbContext> dbFactory,
            UserDirectory directory, TimeProvider clock, CancellationToken ct) =>
        {
            status ??= "open";
            if (!Statuses.Contains(status)) return Problems.BadRequest("status 应为 open（待答复）、answered（已答复）、late（逾期）或 all（全部）。");
            var (size, limitError) = Paging.Limit(limit);
            if (limitError is not null) return limitError;
            var (key, cursorError) = Paging.Cursor(cursor, 3);
            if (cursorError is not null) return cursorError;
            if (key is not null && !Paging.Valid(key, k => (Paging.Instant(k[0])!.Value, k[1]!, k[2]!))) return Paging.BadCursor();
            var actor = user.ToActor();
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var urges = Filter(db.Urges.AsNoTracking(), status, now);
            List<UrgeRecord> rows;
            string? next = null;
            if (CaseScope.SeesEverything(actor))
            {
                if (key is not null)
                {
                    var (at, caseId, urgeId) = (Paging.Instant(key[0])!.Value, key[1]!, key[2]!);
                    urges = urges.Where(u => u.At < at || (u.At == at && (string.Compare(u.CaseId, caseId) > 0
                        || (u.CaseId == caseId && string.Compare(u.UrgeId, urgeId) > 0))));
                }
                rows = await urges.OrderByDescending(u => u.At).ThenBy(u => u.CaseId).ThenBy(u => u.UrgeId).Take(size + 1).ToListAsync(ct);
                if (rows.Count > size)
                {
                    next = Paging.Encode(Paging.Ticks(rows[size - 1].At), rows[size - 1].CaseId, rows[size - 1].UrgeId);
                    rows.RemoveAt(size);
                }
            }
            else rows = await MineAsync(db, urges, actor.Id, directory, now, size, ct);

            var caseIds = rows.Select(r => r.CaseId).Distinct().ToList();
            var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.CaseNo, c.Title }).ToDictionaryAsync(c => c.Id, ct);
            var steps = await db.Tasks.AsNoTracking().Where(t => caseIds.Contains(t.CaseId)).Select(t => new { t.CaseId, t.TaskId, t.StepName }).ToListAsync(ct);
            return Results.Ok(new UrgePage(rows.Where(r => cases.ContainsKey(r.CaseId)).Select(r => new UrgeDto(
                $"{r.CaseId}-{r.UrgeId}", r.CaseId, cases[r.CaseId].CaseNo, cases[r.CaseId].Title, r.Kind, r.TaskId,
                steps.FirstOrDefault(s => s.CaseId == r.CaseId && s.TaskId == r.TaskId)?.StepName, r.ByName, r.Message, r.At, r.ReplyBy,
                r.AddressedTo, r.AddressedName, r.Answer, r.AnsweredByName, r.AnsweredAt, r.AnsweredAt is null ? "open" : "answered",
                IsLate(r, now))).ToList(), next));
        }).Produces<UrgePage>();
    }

    /// <summary>Late: answered after its reply-by instant, or still open past it (seen on read, before the timer records it).</summary>
    private static bool IsLate(UrgeRecord u, DateTimeOffset now) => u.Late || (u.AnsweredAt ?? now) > u.ReplyBy;

    private static IQueryable<UrgeRecord> Filter(IQueryable<UrgeRecord> urges, string status, DateTimeOffset now) => status switch
    {
        "open" => urges.Where(u => u.AnsweredAt == null),
        "answered" => urges.Where(u => u.AnsweredAt != null),
        "late" => urges.Where(u => u.Late || (u.AnsweredAt == null && u.ReplyBy < now) || u.AnsweredAt > u.ReplyBy),
        _ => urges,
    };

    /// <summary>The urges on the tasks of the user's work list, the escalations put to them and the urges they made; newest first.</summary>
    private static async Task<List<UrgeRecord>> MineAsync(WorkflowDbContext db, IQueryable<UrgeRecord> urges, string me, UserDirectory directory,
        DateTimeOffset now, int size, CancellationToken ct)
    {
        var tasks = new HashSet<(string CaseId, string TaskId)>();
        foreach (var source in WorkList.Sources(db, me, directory.PostsOf(me), directory, now))
            foreach (var t in await source.Query.Select(t => new { t.CaseId, t.TaskId }).Take(2000).ToListAsync(ct))
                tasks.Add((t.CaseId, t.TaskId));
        var caseIds = tasks.Select(t => t.CaseId).Distinct().ToList();
        var candidates = await urges.Where(u => u.AddressedTo == me || (u.Kind == "urge" && u.ById == me) || (u.Kind == "urge" && caseIds.Contains(u.CaseId)))
            .OrderByDescending(u => u.At).Take(2000).ToListAsync(ct);
        return candidates.Where(u => u.AddressedTo == me || u.ById == me
                || (u.TaskId is null ? caseIds.Contains(u.CaseId) : tasks.Contains((u.CaseId, u.TaskId))))
            .Take(size).ToList();
    }
}
