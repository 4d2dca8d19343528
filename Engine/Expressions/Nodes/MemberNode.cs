namespace WorkflowEngine.Engine.Expressions.Nodes;

/// <summary><c>target.name</c> or, when <paramref name="nullSafe"/>, <c>target?.name</c>.</summary>
/// <param name="targetText">Source text of the target, to name it in messages.</param>
internal sealed class MemberNode(Node target, string targetText, string name, bool nullSafe, int column) : Node(column)
{
    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        var value = target.Evaluate(ref context);
        switch (value.Kind)
        {
            case ValueKind.Object:
                return value.AsObject.TryGetValue(name, out var member) ? member : Value.Null;
            case ValueKind.Null when nullSafe:
                return Value.Null;
            case ValueKind.Null:
                throw EvaluationErrors.At(Column,
                    $"“{targetText}” 为 null，无法读取其成员 “{name}”；如果它可能为空，请改用 “{targetText}?.{name}”");
            default:
                throw EvaluationErrors.At(Column,
                    $"只有对象才能读取成员，“{targetText}” 是{EvaluationErrors.Describe(value)}，无法读取 “{name}”");
        }
    }
}
