using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

/// <summary>Reference data for forms and the designer: the agency's posts and the available risk checks.</summary>
public static class CatalogEndpoints
{
    public static void MapReferenceData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/roles", (DefinitionLoadOptions options) => Results.Ok(
            (options.RoleCatalog ?? new Dictionary<string, string>()).Select(r => new { id = r.Key, name = r.Value, system = false })
                .Concat(SystemRoles.Names.Select(r => new { id = r.Key, name = r.Value, system = true }))))
            .WithTags("Reference");

        app.MapGet("/api/risk-checks", (RiskCheckRegistry checks) => Results.Ok(
            checks.All.Select(c => new { name = c.Name, title = c.Title, description = c.Description, parameters = c.Parameters }).OrderBy(c => c.name)))
            .WithTags("Reference");
    }
}
