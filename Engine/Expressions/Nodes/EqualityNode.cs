namespace WorkflowEngine.Engine.Expressions.Nodes;

/// <summary><c>==</c> and <c>!=</c>: deep equality on any kinds; different kinds are unequal.</summary>
internal sealed class EqualityNode(Node left, Node right, bool negate, int column)
    : BinaryNode(left, right, negate ? "!=" : "==", column)
{
    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        var left = Left.Evaluate(ref context);
        var right = Right.Evaluate(ref context);
        return Value.Bool(ValueOperations.DeepEquals(left, right, ref context, Column) != negate);
    }
}
