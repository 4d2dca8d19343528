using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Api;

public sealed record DelegationDto(
    string Id, string PrincipalId, string PrincipalName, string StandInId, string StandInName, IReadOnlyList<string>? Posts,
    IReadOnlyList<string>? PostNames, DateTimeOffset From, DateTimeOffset To, string Reason, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt, string Status);

/// <summary>
/// Stand-ins (委托/代理): a user names another active user to act for them on some or all of their posts for a period
/// (an administrator may do it for someone absent). The runtime reads them through the roster and decides, task by task,
/// whether the stand-in may act; the rules for creating one are here.
/// </summary>
public static class DelegationEndpoints
{
    public static void MapDelegations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/delegations").WithTags("Delegations");

        group.MapPost("", async (DelegationRequest request, ClaimsPrincipal user, IDbContextFactory<WorkflowDbContext> dbFactory, UserDirectory directory,
            RoleNames roleNames, TimeProvider clock, CancellationToken ct) =>
        {
            var actor = user.ToActor();
            var principalId = string.IsNullOrWhiteSpace(request.PrincipalId) ? actor.Id : request.PrincipalId.Trim();
            if (principalId != actor.Id && !actor.Holds(SystemRoles.Admin))
                return Results.Problem(title: "没有权限", detail: "只能为本人设置委托；为他人设置委托须由系统管理员办理。", statusCode: StatusCodes.Status403Forbidden);
            if (string.IsNullOrWhiteSpace(request.StandInUserId)) return Problems.BadRequest("请指定代理人（standInUserId）。");
            if (request.From is not { } from || request.To is not { } to) return Problems.BadRequest("请填写委托期间（from、to）。");
            if (string.IsNullOrWhiteSpace(request.Reason)) return Problems.BadRequest("请写明委托事由（如休假、出差）。");
            if (request.Reason.Length > 500) return Problems.BadRequest("委托事由不能超过 500 字。");
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var principal = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == principalId, ct);
            if (principal is null || !principal.Active) return Unprocessable($"委托人“{principalId}”不存在或已停用。");
            var standInId = request.StandInUserId.Trim();
            if (standInId == principalId) return Unprocessable("不能委托给本人。");
            var standIn = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == standInId, ct);
            if (standIn is null) return Unprocessable($"代理人“{standInId}”不存在。");
            if (!standIn.Active) return Unprocessable($"代理人 {standIn.DisplayName} 已停用，不能代理。");
            if (to <= from) return Unprocessable("委托结束时间须晚于开始时间。");
            if (to - from > TimeSpan.FromDays(366)) return Unprocessable("委托期间不能超过一年。");
            if (to <= clock.GetUtcNow()) return Unprocessable("委托期间已过，无需设置。");
            var held = directory.PostsOf(principalId).Where(p => !SystemRoles.Names.ContainsKey(p)).ToHashSet();
            if (held.Count == 0) return Unprocessable($"{principal.DisplayName} 未担任任何岗位，无可委托的岗位。");
            if (request.Posts?.Any(string.IsNullOrWhiteSpace) == true) return Problems.BadRequest("posts 中有空的岗位。");
            var posts = request.Posts?.Select(p => p.Trim()).Distinct().ToList();
            if (posts is { Count: 0 }) return Problems.BadRequest("posts 为空：不填（null）表示全部岗位，或列出要委托的岗位。");
            if (posts?.FirstOrDefault(p => !held.Contains(p)) is { } notHeld)
                return Unprocessable($"{principal.DisplayName} 未担任“{roleNames.Of(notHeld)}”岗位，不能委托该岗位。");
            var record = new DelegationRecord
            {
                Id = Guid.CreateVersion7().ToString("N"), PrincipalId = principalId, StandInId = standInId, Posts = posts is null ? null : string.Join(';', posts),
                FromAt = from, ToAt = to, Reason = request.Reason.Trim(), CreatedBy = actor.Id, CreatedAt = clock.GetUtcNow(),
            };
            db.Delegations.Add(record);
            await db.SaveChangesAsync(ct);
            await directory.RefreshAsync(ct);
            return Results.Created($"/api/delegations/{record.Id}", Dto(record, principal.DisplayName, standIn.DisplayName, roleNames, clock.GetUtcNow()));
        }).Produces<DelegationDto>(StatusCodes.Status201Created);

        // Mine (given and received); supervisors and administrators see every delegation.
        group.MapGet("", async (ClaimsPrincipal user, IDbContextFactory<WorkflowDbContext> dbFactory, RoleNames roleNames, TimeProvider clock,
            CancellationToken ct) =>
        {
            var actor = user.ToActor();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var query = db.Delegations.AsNoTracking();
            if (!CaseScope.SeesEverything(actor)) query = query.Where(d => d.PrincipalId == actor.Id || d.StandInId == actor.Id || d.CreatedBy == actor.Id);
            var rows = await query.OrderByDescending(d => d.CreatedAt).Take(500).ToListAsync(ct);
            var ids = rows.SelectMany(r => new[] { r.PrincipalId, r.StandInId }).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var now = clock.GetUtcNow();
            return Results.Ok(rows.Select(r => Dto(r, names.GetValueOrDefault(r.PrincipalId, r.PrincipalId), names.GetValueOrDefault(r.StandInId, r.StandInId),
                roleNames, now)).ToList());
        }).Produces<IReadOnlyList<DelegationDto>>();

        // Revoke: the principal, whoever made it, or an administrator; a revoked delegation gives nothing from then on.
        group.MapDelete("/{id}", async (string id, ClaimsPrincipal user, IDbContextFactory<WorkflowDbContext> dbFactory, UserDirectory directory,
            TimeProvider clock, CancellationToken ct) =>
        {
            var actor = user.ToActor();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var record = await db.Delegations.SingleOrDefaultAsync(d => d.Id == id, ct);
            var mayRevoke = record is not null && (record.PrincipalId == actor.Id || record.CreatedBy == actor.Id || actor.Holds(SystemRoles.Admin));
            if (record is null || (!mayRevoke && record.StandInId != actor.Id && !CaseScope.SeesEverything(actor)))
                return Problems.NotFound($"委托“{id}”不存在。");
            if (!mayRevoke)
                return Results.Problem(title: "没有权限", detail: "只有委托人、设置人或系统管理员可以撤销委托。", statusCode: StatusCodes.Status403Forbidden);
            if (record.RevokedAt is not null) return Unprocessable("该委托已撤销。");
            record.RevokedAt = clock.GetUtcNow();
            record.RevokedBy = actor.Id;
            await db.SaveChangesAsync(ct);
            await directory.RefreshAsync(ct);
            return Results.NoContent();
        });
    }

    private static IResult Unprocessable(string detail) =>
        Results.Problem(title: "委托内容有误", detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);

    private static DelegationDto Dto(DelegationRecord r, string principalName, string standInName, RoleNames roleNames, DateTimeOffset now)
    {
        var posts = r.PostSet?.Order().ToList();
        var status = r.RevokedAt is not null ? "revoked" : now < r.FromAt ? "pending" : now < r.ToAt ? "active" : "expired";
        return new DelegationDto(r.Id, r.PrincipalId, principalName, r.StandInId, standInName, posts, posts?.Select(roleNames.Of).ToList(),
            r.FromAt, r.ToAt, r.Reason, r.CreatedBy, r.CreatedAt, r.RevokedAt, status);
    }
}
