namespace WorkflowEngine.Engine.Expressions.Nodes;

/// <summary>
/// <c>x in y</c> / <c>x not in y</c>: list membership by deep equality, or substring when <c>y</c> is a string.
/// A null <c>y</c> contains nothing; so does a string <c>y</c> for a null <c>x</c>.
/// </summary>
internal sealed class MembershipNode(Node left, Node right, bool negate, int column)
    : BinaryNode(left, right, negate ? "not in" : "in", column)
{
    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        var item = Left.Evaluate(ref context);
        var container = Right.Evaluate(ref context);
        var contains = ValueOperations.Contains(container, item, ref context, Column) ?? throw (container.Kind == ValueKind.String
            ? EvaluationErrors.At(Column, $"在字符串中查找时，“{Operator}” 的左侧也应为字符串，实际为{EvaluationErrors.Describe(item)}")
            : EvaluationErrors.At(Column, $"“{Operator}” 的右侧应为列表或字符串，实际为{EvaluationErrors.Describe(container)}"));
        return Value.Bool(contains != negate);
    }
}
