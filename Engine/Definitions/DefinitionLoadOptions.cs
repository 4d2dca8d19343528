using WorkflowEngine.Engine.Risk;

namespace WorkflowEngine.Engine.Definitions;

/// <summary>What a definition is validated against: the risk checks available and, when given, the agency's posts.</summary>
public sealed record DefinitionLoadOptions(RiskCheckRegistry Checks, IReadOnlyDictionary<string, string>? RoleCatalog = null)
{
    public static DefinitionLoadOptions Default { get; } = new(RiskCheckRegistry.CreateDefault());

    /// <summary>The built-in checks and the posts of <c>roles.json</c> in a definitions folder.</summary>
    public static DefinitionLoadOptions ForFolder(string definitionsFolder) =>
        new(RiskCheckRegistry.CreateDefault(), Definitions.RoleCatalog.Load(Path.Combine(definitionsFolder, "roles.json")));
}
