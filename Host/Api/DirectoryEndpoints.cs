using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Server.Organisation;

namespace WorkflowEngine.Server.Api;

public sealed record DirectoryEntryDto(string Id, string Name, string? DepartmentId = null);

public sealed record DirectoryDto(IReadOnlyList<DirectoryEntryDto> Departments, IReadOnlyList<DirectoryEntryDto> Users);

/// <summary>
/// The active departments and officials by name, for the designer's approver rules (岗位 come from /api/roles).
/// Process owners only; names and ids, nothing about accounts.
/// </summary>
public static class DirectoryEndpoints
{
    public static void MapDirectory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/directory", async (OrgAdmin org, CancellationToken ct) =>
        {
            await using var db = await org.Db(ct);
            var departments = await db.Departments.AsNoTracking().Where(d => d.Active).OrderBy(d => d.Id)
                .Select(d => new DirectoryEntryDto(d.Id, d.Name, null)).ToListAsync(ct);
            var users = await db.Users.AsNoTracking().Where(u => u.Active).OrderBy(u => u.Id)
                .Select(u => new DirectoryEntryDto(u.Id, u.DisplayName, u.DepartmentId)).ToListAsync(ct);
            return Results.Ok(new DirectoryDto(departments, users));
        }).WithTags("Reference").RequireAuthorization(Policies.ProcessOwner).Produces<DirectoryDto>();
    }
}
