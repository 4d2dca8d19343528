using WorkflowEngine.Engine.Definitions.Validation;


namespace WorkflowEngine.Engine.Risk;

/// <summary>
/// A machine check behind a risk point. The engine runs it when a step is entered or completed; the
/// binding in the definition decides whether a failure blocks the action or is flagged in the risk ledger.
/// Custom checks implement this and are registered by name in <see cref="RiskCheckRegistry"/>.
/// </summary>
public interface IRiskCheck
{
    /// <summary>The name definitions use, e.g. <c>materials-complete</c>.</summary>
    string Name { get; }

    /// <summary>What it checks, in Chinese, for the designer and the catalog.</summary>
    string Description { get; }

    /// <summary>A short name in Chinese, shown instead of <see cref="Name"/> when the owner picks a check.</summary>
    string Title => Name;

    /// <summary>The parameters the check reads, for the designer's parameter form.</summary>
    IReadOnlyList<RiskCheckParameter> Parameters => [];

    /// <summary>Reads and validates the binding's parameters once, when the definition is validated.</summary>
    object? ParseParameters(RiskCheckSetup setup);

    RiskCheckResult Evaluate(RiskCheckContext context, object? parameters);
}

public readonly record struct RiskCheckResult(bool Passed, string? Message)
{
    public static readonly RiskCheckResult Pass = new(true, null);
    public static RiskCheckResult Fail(string message) => new(false, message);
}
