using System.Globalization;

namespace WorkflowEngine.Engine.Expressions;

/// <summary>Builds the Chinese messages of <see cref="ExpressionEvaluationException"/>.</summary>
internal static class EvaluationErrors
{
    public static ExpressionEvaluationException At(int column, string message) =>
        new(ParseException.Format(column, message));

    public static ExpressionEvaluationException BudgetExceeded(int column) =>
        At(column, $"计算量超过上限（{ExpressionLimits.StepBudget} 步），请简化表达式，或检查参与计算的列表、文本是否过大");

    public static ExpressionEvaluationException Overflow(int column) => At(column, "计算结果超出数字范围");

    public static ExpressionEvaluationException StringTooLong(int column, long length) =>
        At(column, $"生成的字符串过长（{length} 个字符，最多 {ExpressionLimits.MaxStringLength} 个）");

    /// <summary>A short description of a value for messages, e.g. <c>数字 3</c>, <c>字符串 “abc”</c>.</summary>
    public static string Describe(Value value) => value.Kind switch
    {
        ValueKind.Null => "空值 null",
        ValueKind.Boolean => $"布尔值 {value}",
        ValueKind.Number => $"数字 {value.AsNumber.ToString(CultureInfo.InvariantCulture)}",
        ValueKind.String => $"字符串 “{Lexer.Abbreviate(value.AsString)}”",
        ValueKind.List => "列表",
        _ => "对象",
    };
}
