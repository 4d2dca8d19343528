namespace WorkflowEngine.Engine.Expressions.Nodes;

internal static class ArithmeticErrors
{
    public static ExpressionEvaluationException WrongOperands(string @operator, string expected, in Value left, in Value right, int column)
    {
        var hint = left.IsNull || right.IsNull ? "；字段可能为空时，可用 coalesce(字段, 0) 给出默认值" : "";
        return EvaluationErrors.At(column,
            $"“{@operator}” 只能用于{expected}，实际左侧为{EvaluationErrors.Describe(left)}，右侧为{EvaluationErrors.Describe(right)}{hint}");
    }
}

/// <summary><c>+</c>: number addition or string concatenation.</summary>
internal sealed class AddNode(Node left, Node right, int column) : BinaryNode(left, right, "+", column)
{
    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        var left = Left.Evaluate(ref context);
        var right = Right.Evaluate(ref context);
        if (left.Kind == ValueKind.Number && right.Kind == ValueKind.Number)
        {
            try
            {
                return Value.Number(left.AsNumber + right.AsNumber);
            }
            catch (OverflowException)
            {
                throw EvaluationErrors.Overflow(Column);
            }
        }

        if (left.Kind == ValueKind.String && right.Kind == ValueKind.String)
        {
            var (a, b) = (left.AsString, right.AsString);
            long length = (long)a.Length + b.Length;
            if (length > ExpressionLimits.MaxStringLength) throw EvaluationErrors.StringTooLong(Column, length);
            context.ChargeCharacters((int)length, Column);
            return Value.String(string.Concat(a, b));
        }

        throw ArithmeticErrors.WrongOperands(Operator, "两个数字相加或两个字符串连接", left, right, Column);
    }
}

internal enum ArithmeticOperator { Subtract, Multiply, Divide, Remainder }

/// <summary><c>- * / %</c> on numbers.</summary>
internal sealed class ArithmeticNode(Node left, Node right, ArithmeticOperator arithmetic, string @operator, int column)
    : BinaryNode(left, right, @operator, column)
{
    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        var left = Left.Evaluate(ref context);
        var right = Right.Evaluate(ref context);
        if (left.Kind != ValueKind.Number || right.Kind != ValueKind.Number)
            throw ArithmeticErrors.WrongOperands(Operator, "数字", left, right, Column);

        var (a, b) = (left.AsNumber, right.AsNumber);
        if (b == 0 && arithmetic is ArithmeticOperator.Divide or ArithmeticOperator.Remainder)
            throw EvaluationErrors.At(Column, $"“{Operator}” 的除数为 0");

        try
        {
            return Value.Number(arithmetic switch
            {
                ArithmeticOperator.Subtract => a - b,
                ArithmeticOperator.Multiply => a * b,
                ArithmeticOperator.Divide => a / b,
                _ => a % b,
            });
        }
        catch (OverflowException)
        {
            throw EvaluationErrors.Overflow(Column);
        }
    }
}

/// <summary>Unary minus.</summary>
internal sealed class NegateNode(Node operand, int column) : Node(column)
{
    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        var value = operand.Evaluate(ref context);
        if (value.Kind != ValueKind.Number)
            throw EvaluationErrors.At(Column, $"负号 “-” 只能用于数字，实际为{EvaluationErrors.Describe(value)}");
        return Value.Number(-value.AsNumber);
    }
}
