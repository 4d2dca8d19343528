namespace WorkflowEngine.Engine.Definitions;

/// <summary>
/// What a definition is validated against: the risk checks available and, when given, the agency's posts and
/// organisation (the departments and users approver rules name).
/// <c>RiskCheckRegistry.CreateDefault().LoadOptions()</c> gives the built-in checks.
/// </summary>
public sealed record DefinitionLoadOptions(
    ICheckCatalog Checks, IReadOnlyDictionary<string, string>? RoleCatalog = null, IOrganisationCatalog? Organisation = null)
{
    /// <summary>The same checks with the posts of <c>roles.json</c> in a definitions folder.</summary>
    public DefinitionLoadOptions WithRolesOf(string definitionsFolder) =>
        this with { RoleCatalog = Definitions.RoleCatalog.Load(Path.Combine(definitionsFolder, "roles.json")) };
}
