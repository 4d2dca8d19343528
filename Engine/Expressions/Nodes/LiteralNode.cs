namespace WorkflowEngine.Engine.Expressions.Nodes;

internal sealed class LiteralNode(Value value, int column) : Node(column)
{
    public Value Value { get; } = value;

    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        return Value;
    }
}
