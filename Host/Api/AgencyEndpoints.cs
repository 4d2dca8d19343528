using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Api;

/// <summary>The agency's names as every signed-in user's screens show them (nothing else of its settings).</summary>
public sealed record AgencyNameDto(string FullName, string ShortName);

public static class AgencyEndpoints
{
    public static void MapAgency(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/agency", async (CaseFiles files, CancellationToken ct) =>
        {
            var settings = await files.SettingsAsync(ct);
            return Results.Ok(new AgencyNameDto(settings.FullName, settings.ShortName));
        }).WithTags("Documents").RequireAuthorization().Produces<AgencyNameDto>();
}
