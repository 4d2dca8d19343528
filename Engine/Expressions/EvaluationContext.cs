namespace WorkflowEngine.Engine.Expressions;

/// <summary>
/// Per-evaluation state, passed by reference down the node tree. A struct so that evaluating a simple
/// condition allocates nothing; one instance per call keeps shared <see cref="ParsedExpression"/>s thread-safe.
/// </summary>
internal struct EvaluationContext(IReadOnlyDictionary<string, Value> data)
{
    private int _remainingSteps = ExpressionLimits.StepBudget;

    public IReadOnlyDictionary<string, Value> Data { get; } = data;

    public void Step(int column)
    {
        if (--_remainingSteps < 0) throw EvaluationErrors.BudgetExceeded(column);
    }

    /// <summary>Charges work proportional to data size before doing it, so huge inputs fail fast.</summary>
    public void Charge(int units, int column)
    {
        _remainingSteps -= units;
        if (_remainingSteps < 0) throw EvaluationErrors.BudgetExceeded(column);
    }

    public void ChargeCharacters(int characters, int column) =>
        Charge(characters / ExpressionLimits.CharactersPerStep, column);
}
