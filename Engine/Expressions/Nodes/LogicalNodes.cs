namespace WorkflowEngine.Engine.Expressions.Nodes;

internal static class Truth
{
    /// <summary>The truth of a logical operand: Boolean as is, null as false, anything else is an error.</summary>
    public static bool Of(in Value value, string @operator, string side, int column) => value.Kind switch
    {
        ValueKind.Boolean => value.AsBoolean,
        ValueKind.Null => false,
        _ => throw EvaluationErrors.At(column,
            $"“{@operator}” 的{side}应为 true、false 或 null，实际为{EvaluationErrors.Describe(value)}；请写成比较，如 x > 0"),
    };
}

internal sealed class AndNode(Node left, Node right, int column) : BinaryNode(left, right, "and", column)
{
    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        if (!Truth.Of(Left.Evaluate(ref context), Operator, "左侧", Column)) return Value.False;
        return Value.Bool(Truth.Of(Right.Evaluate(ref context), Operator, "右侧", Column));
    }
}

internal sealed class OrNode(Node left, Node right, int column) : BinaryNode(left, right, "or", column)
{
    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        if (Truth.Of(Left.Evaluate(ref context), Operator, "左侧", Column)) return Value.True;
        return Value.Bool(Truth.Of(Right.Evaluate(ref context), Operator, "右侧", Column));
    }
}

internal sealed class NotNode(Node operand, int column) : Node(column)
{
    public Node Operand => operand;

    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        return Value.Bool(!Truth.Of(operand.Evaluate(ref context), "not", "操作数", Column));
    }
}
