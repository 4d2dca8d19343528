using WorkflowEngine.Engine.Expressions.Nodes;

namespace WorkflowEngine.Engine.Expressions;

/// <summary>A successfully parsed expression. Immutable; safe to evaluate from several threads at once.</summary>
public sealed class ParsedExpression
{
    private readonly Node _root;

    internal ParsedExpression(string source, Node root, string[] rootFields)
    {
        Source = source;
        _root = root;
        RootFields = Array.AsReadOnly(rootFields);
    }

    public string Source { get; }

    /// <summary>The parsed tree, for conversions inside the core (the condition builder).</summary>
    internal Node Root => _root;

    /// <summary>The case-data fields the expression reads at its root (for <c>a.b?.c</c>: <c>a</c>).</summary>
    public IReadOnlyCollection<string> RootFields { get; }

    /// <summary>Evaluates against the case data; a field missing from <paramref name="data"/> is null.</summary>
    /// <exception cref="ExpressionEvaluationException">Wrong operand kinds, division by zero, limits exceeded.</exception>
    public Value Evaluate(IReadOnlyDictionary<string, Value> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var context = new EvaluationContext(data);
        return _root.Evaluate(ref context);
    }

    /// <summary>Evaluates and requires a boolean; null counts as false.</summary>
    public bool EvaluateCondition(IReadOnlyDictionary<string, Value> data)
    {
        var result = Evaluate(data);
        return result.Kind switch
        {
            ValueKind.Boolean => result.AsBoolean,
            ValueKind.Null => false,
            _ => throw new ExpressionEvaluationException(
                $"条件的结果应为 true 或 false，实际为{EvaluationErrors.Describe(result)}；请写成比较，如 amount > 30000"),
        };
    }

    public override string ToString() => Source;
}
