namespace WorkflowEngine.Engine.Expressions;

/// <summary>Internal control flow of the parser; <see cref="ExpressionParser.Parse"/> turns it into an <see cref="ExpressionError"/>.</summary>
internal sealed class ParseException(int column, string message) : Exception(Format(column, message))
{
    public int Column { get; } = column;

    public static string Format(int column, string message) => $"第 {column} 列：{message}";
}
