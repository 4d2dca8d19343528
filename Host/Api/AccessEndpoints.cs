using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Api;

/// <summary>
/// What the signed-in user may open, as the service decides it: which of the role policies the routes require they meet
/// (supervision, process owning, administration) and the departments whose monthly report they may read. The UI's menu
/// and page guards are built from it.
/// </summary>
public sealed record AccessDto(bool Supervisor, bool ProcessOwner, bool Admin, IReadOnlyList<ReportDepartmentDto> ReportDepartments);

public static class AccessEndpoints
{
    public static void MapAccess(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/access", async (ClaimsPrincipal user, IAuthorizationService authorization, IDbContextFactory<WorkflowDbContext> dbFactory,
            CancellationToken ct) =>
        {
            async Task<bool> Meets(string policy) => (await authorization.AuthorizeAsync(user, policy)).Succeeded;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return Results.Ok(new AccessDto(await Meets(Policies.Supervisor), await Meets(Policies.ProcessOwner), await Meets(Policies.Admin),
                await ReportEndpoints.ReadableDepartmentsAsync(db, user.ToActor(), ct)));
        }).WithTags("Auth").Produces<AccessDto>();
    }
}
