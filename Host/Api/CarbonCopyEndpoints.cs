using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

public sealed record CarbonCopyItemDto(
    string CaseId, string CaseNo, string Title, string DefinitionId, string StepId, string Post, string PostName, DateTimeOffset CcAt, string Status);
public sealed record CarbonCopyPage(IReadOnlyList<CarbonCopyItemDto> Items, string? Next);

public static class CarbonCopyEndpoints
{
    /// <summary>
    /// 抄送我的: the cases copied to one of the caller's posts, newest first; paged by keyset on (cc_at, case_id, post, task_id)
    /// descending. Being copied is what makes these cases visible to the caller (the core's CaseVisibility).
    /// </summary>
    public static void MapCarbonCopies(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cc", async (string? limit, string? cursor, ClaimsPrincipal user, IDbContextFactory<WorkflowDbContext> dbFactory,
            RoleNames roleNames, CancellationToken ct) =>
        {
            var (size, limitError) = Paging.Limit(limit);
            if (limitError is not null) return limitError;
            var (key, cursorError) = Paging.Cursor(cursor, 4);
            if (cursorError is not null) return cursorError;
            if (key is not null && !Paging.Valid(key, k => (Paging.Instant(k[0])!.Value, k[1]!, k[2]!, k[3]!))) return Paging.BadCursor();

            var roles = user.ToActor().Roles.ToList();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var query = db.CarbonCopies.AsNoTracking().Where(c => roles.Contains(c.Post));
            if (key is not null)
            {
                var at = Paging.Instant(key[0])!.Value;
                var (caseId, post, taskId) = (key[1]!, key[2]!, key[3]!);
                query = query.Where(c => c.CcAt <= at && (c.CcAt < at || string.Compare(c.CaseId, caseId) < 0
                    || (c.CaseId == caseId && (string.Compare(c.Post, post) < 0 || (c.Post == post && string.Compare(c.TaskId, taskId) < 0)))));
            }
            var rows = await query.OrderByDescending(c => c.CcAt).ThenByDescending(c => c.CaseId).ThenByDescending(c => c.Post).ThenByDescending(c => c.TaskId)
                .Take(size + 1).ToListAsync(ct);
            var next = rows.Count > size ? Paging.Encode(Paging.Ticks(rows[size - 1].CcAt), rows[size - 1].CaseId, rows[size - 1].Post, rows[size - 1].TaskId) : null;
            if (rows.Count > size) rows.RemoveAt(size);
            var ids = rows.Select(r => r.CaseId).Distinct().ToList();
            var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.CaseNo, c.Title, c.Status }).ToDictionaryAsync(c => c.Id, ct);
            return Results.Ok(new CarbonCopyPage(rows.Where(r => cases.ContainsKey(r.CaseId)).Select(r =>
            {
                var c = cases[r.CaseId];
                return new CarbonCopyItemDto(r.CaseId, c.CaseNo, c.Title, r.DefinitionId, r.StepId, r.Post, roleNames.Of(r.Post), r.CcAt, c.Status);
            }).ToList(), next));
        }).WithTags("Cases").Produces<CarbonCopyPage>();
    }
}
