namespace WorkflowEngine.Engine.Expressions;

/// <summary>A parse error: 1-based column in the source and a message in Chinese.</summary>
public sealed record ExpressionError(int Column, string Message);

public sealed record ExpressionParseResult(ParsedExpression? Expression, ExpressionError? Error)
{
    public bool Success => Expression is not null;
}

/// <summary>Raised when evaluation fails (division by zero, wrong operand type, budget exceeded). Message in Chinese.</summary>
public sealed class ExpressionEvaluationException(string message) : Exception(message);

public static class ExpressionParser
{
    /// <summary>Parses a condition expression. Never throws for bad input: returns the first error instead.</summary>
    public static ExpressionParseResult Parse(string source)
    {
        if (string.IsNullOrWhiteSpace(source)) return Failure(1, "表达式为空");
        if (source.Length > ExpressionLimits.MaxSourceLength)
            return Failure(ExpressionLimits.MaxSourceLength + 1,
                $"表达式过长（{source.Length} 个字符），最多 {ExpressionLimits.MaxSourceLength} 个字符，请拆分为多个条件");

        try
        {
            return new ExpressionParseResult(Parser.Parse(source), null);
        }
        catch (ParseException e)
        {
            return new ExpressionParseResult(null, new ExpressionError(e.Column, e.Message));
        }
    }

    private static ExpressionParseResult Failure(int column, string message) =>
        new(null, new ExpressionError(column, ParseException.Format(column, message)));
}
