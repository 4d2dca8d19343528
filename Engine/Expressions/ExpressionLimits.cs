namespace WorkflowEngine.Engine.Expressions;

/// <summary>Every bound the expression language enforces, in one place.</summary>
internal static class ExpressionLimits
{
    public const int MaxSourceLength = 2_000;
    public const int MaxNodes = 500;
    public const int MaxDepth = 32;

    public const int StepBudget = 10_000;
    /// <summary>String scanning and building is charged one step per this many characters.</summary>
    public const int CharactersPerStep = 64;
    public const int MaxStringLength = 10_000;
    /// <summary>Nesting of list/object data that deep equality will descend into.</summary>
    public const int MaxDataDepth = 64;

    public const int MaxRoundDigits = 10;
}
