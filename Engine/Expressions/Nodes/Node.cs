namespace WorkflowEngine.Engine.Expressions.Nodes;

/// <summary>A compiled, immutable expression node. Instances are shared between threads.</summary>
internal abstract class Node(int column)
{
    /// <summary>1-based column of the token that produced this node (operator, name or literal), used in messages.</summary>
    public int Column { get; } = column;

    public abstract Value Evaluate(ref EvaluationContext context);
}

/// <summary>A node with a left and right operand; <see cref="Operator"/> is the source text of the operator.</summary>
internal abstract class BinaryNode(Node left, Node right, string @operator, int column) : Node(column)
{
    internal Node Left { get; } = left;
    internal Node Right { get; } = right;
    internal string Operator { get; } = @operator;
}
