using WorkflowEngine.Engine.Risk;

namespace WorkflowEngine.Engine.Definitions;

/// <summary>What a definition is validated against: the risk checks available and, when given, the agency's posts.</summary>
public sealed record DefinitionLoadOptions(RiskCheckRegistry Checks, IReadOnlyDictionary<string, string>? RoleCatalog = null)
{
    public static DefinitionLoadOptions Default { get; } = new(RiskCheckRegistry.CreateDefault());
}
