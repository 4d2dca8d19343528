namespace WorkflowEngine.Engine.Expressions.Nodes;

/// <summary>Reads a field of the case data; a missing field is null.</summary>
internal sealed class FieldNode(string name, int column) : Node(column)
{
    public string Name => name;

    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        return context.Data.TryGetValue(name, out var value) ? value : Value.Null;
    }
}
