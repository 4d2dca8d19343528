using WorkflowEngine.Engine.Definitions.Validation;

namespace WorkflowEngine.Engine.Definitions;

/// <summary>
/// The risk checks a definition may name, as loading sees them: their names, and how each reads its parameters.
/// Implemented by the risk-check registry, so that definitions do not depend on the checks themselves.
/// </summary>
public interface ICheckCatalog
{
    IReadOnlyCollection<string> Names { get; }

    bool Contains(string name);

    /// <summary>Reads and validates a binding's parameters once, reporting problems through <paramref name="setup"/>.</summary>
    object? ParseParameters(string name, RiskCheckSetup setup);
}
