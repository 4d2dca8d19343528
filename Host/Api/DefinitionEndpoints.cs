using System.Security.Claims;
using System.Text.Json;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

public static class DefinitionEndpoints
{
    public static void MapDefinitions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/definitions").WithTags("Definitions");

        group.MapGet("", async (string? status, DefinitionStore store, CancellationToken ct) =>
        {
            if (status is not (null or "" or "published" or "all")) return Problems.BadRequest("status 应为 published 或 all。");
            var records = await store.ListNewestAsync(includeDrafts: status == "all", ct);
            return Results.Ok(records.Select(r => new DefinitionListItemDto(DefinitionSummary.Of(store.Parse(r)), r.Status)));
        }).Produces<IReadOnlyList<DefinitionListItemDto>>();

        group.MapGet("/{id}", async (string id, int? version, DefinitionStore store, CancellationToken ct) =>
        {
            var record = await store.FindAsync(id, version, ct);
            if (record is null) return Problems.NotFound(version is null ? $"流程“{id}”不存在或尚无已发布的版本。" : $"流程“{id}”没有第 {version} 版。");
            return Results.Ok(new
            {
                record.Id, record.Version, record.Name, record.Category, record.Status, record.CreatedAt, record.CreatedBy, record.PublishedAt,
                Summary = DefinitionSummary.Of(store.Parse(record)),
                Definition = JsonDocument.Parse(DefinitionLoader.Expand(record.Json)).RootElement,
            });
        });

        group.MapGet("/{id}/versions", async (string id, DefinitionStore store, CancellationToken ct) =>
        {
            var versions = await store.VersionsAsync(id, ct);
            return versions.Count == 0 ? Problems.NotFound($"流程“{id}”不存在。") : Results.Ok(versions.Select(DefinitionVersionDto.From));
        });

        group.MapPost("/validate", async (HttpRequest request, DefinitionStore store) =>
        {
            var result = store.Validate(await ReadBodyAsync(request));
            return result.IsValid
                ? Results.Ok(new { valid = true, summary = DefinitionSummary.Of(result.Definition!) })
                : Problems.InvalidDefinition(result.Errors);
        });

        group.MapPost("", async (HttpRequest request, DefinitionStore store, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var result = await store.SaveAsync(await ReadBodyAsync(request), user.ToActor().Id, publish: false, ct);
            if (result.Saved is null) return Problems.InvalidDefinition(result.Errors);
            var dto = DefinitionVersionDto.From(result.Saved);
            return result.Unchanged
                ? Results.Ok(dto)
                : Results.Created($"/api/definitions/{dto.Id}?version={dto.Version}", dto);
        }).RequireAuthorization(Policies.ProcessOwner);

        group.MapPost("/{id}/versions/{version:int}/publish", async (string id, int version, DefinitionStore store,
            WorkflowEngine.Server.Organisation.Staffing staffing, CancellationToken ct) =>
        {
            var record = await store.PublishAsync(id, version, ct);
            if (record is null) return Problems.NotFound($"流程“{id}”没有第 {version} 版。");
            // Published all the same; the owner is told which posts nobody holds yet.
            var warnings = staffing.VacantPostsOf(store.Parse(record))
                .Select(p => $"岗位“{p.Name}”（{p.Id}）暂无在岗人员，由其办理的步骤将无人办理，请联系系统管理员配备人员。").ToList();
            return Results.Ok(DefinitionVersionDto.From(record) with { Warnings = warnings });
        }).RequireAuthorization(Policies.ProcessOwner);
    }

    /// <summary>The definition is read as text so that error lines refer to what the owner wrote.</summary>
    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync();
    }
}
