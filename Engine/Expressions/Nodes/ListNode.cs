using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Expressions.Nodes;

/// <summary>A list literal whose items are not all constants (constant lists are folded into a <see cref="LiteralNode"/>).</summary>
internal sealed class ListNode(ImmutableArray<Node> items, int column) : Node(column)
{
    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        var builder = ImmutableArray.CreateBuilder<Value>(items.Length);
        foreach (var item in items) builder.Add(item.Evaluate(ref context));
        return Value.List(builder.MoveToImmutable());
    }
}
