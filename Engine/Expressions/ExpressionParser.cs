namespace WorkflowEngine.Engine.Expressions;

/// <summary>A parse error: 1-based column in the source and a message in Chinese.</summary>
public sealed record ExpressionError(int Column, string Message);

public sealed record ExpressionParseResult(ParsedExpression? Expression, ExpressionError? Error)
{
    public bool Success => Expression is not null;
}

/// <summary>Raised when evaluation fails (division by zero, wrong operand type, budget exceeded). Message in Chinese.</summary>
public sealed class ExpressionEvaluationException(string message) : Exception(message);

/// <summary>STUB — implemented on the expressions branch.</summary>
public sealed class ParsedExpression
{
    public string Source => throw new NotImplementedException();
    /// <summary>The case-data fields the expression reads at its root (for <c>a.b?.c</c>: <c>a</c>).</summary>
    public IReadOnlyCollection<string> RootFields => throw new NotImplementedException();
    public Value Evaluate(IReadOnlyDictionary<string, Value> data) => throw new NotImplementedException();
    /// <summary>Evaluates and requires a boolean; null counts as false.</summary>
    public bool EvaluateCondition(IReadOnlyDictionary<string, Value> data) => throw new NotImplementedException();
}

/// <summary>STUB — implemented on the expressions branch.</summary>
public static class ExpressionParser
{
    public static ExpressionParseResult Parse(string source) => throw new NotImplementedException();
}
