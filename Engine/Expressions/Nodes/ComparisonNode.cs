namespace WorkflowEngine.Engine.Expressions.Nodes;

internal enum ComparisonOperator { Less, LessOrEqual, Greater, GreaterOrEqual }

/// <summary>
/// <c>&lt; &lt;= &gt; &gt;=</c> on two numbers or two strings (ordinal). Null on either side gives false, so that
/// <c>amount &gt; 30000</c> is simply false while the field is still empty.
/// </summary>
internal sealed class ComparisonNode(Node left, Node right, ComparisonOperator comparison, string @operator, int column)
    : BinaryNode(left, right, @operator, column)
{
    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        var left = Left.Evaluate(ref context);
        var right = Right.Evaluate(ref context);
        if (left.IsNull || right.IsNull) return Value.False;

        int order;
        if (left.Kind == ValueKind.Number && right.Kind == ValueKind.Number)
        {
            order = left.AsNumber.CompareTo(right.AsNumber);
        }
        else if (left.Kind == ValueKind.String && right.Kind == ValueKind.String)
        {
            var (a, b) = (left.AsString, right.AsString);
            context.ChargeCharacters(Math.Min(a.Length, b.Length), Column);
            order = string.CompareOrdinal(a, b);
        }
        else
        {
            throw EvaluationErrors.At(Column,
                $"“{Operator}” 只能比较两个数字或两个字符串，实际左侧为{EvaluationErrors.Describe(left)}，右侧为{EvaluationErrors.Describe(right)}");
        }

        return Value.Bool(comparison switch
        {
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.LessOrEqual => order <= 0,
            ComparisonOperator.Greater => order > 0,
            _ => order >= 0,
        });
    }
}
