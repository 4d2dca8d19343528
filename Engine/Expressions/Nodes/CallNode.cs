using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace WorkflowEngine.Engine.Expressions.Nodes;

/// <summary>A call of a built-in function that takes its arguments already evaluated.</summary>
internal sealed class CallNode(FunctionBody body, ImmutableArray<Node> arguments, int column) : Node(column)
{
    private const int InlineArguments = 4;

    [InlineArray(InlineArguments)]
    private struct ArgumentBuffer
    {
        private Value _first;
    }

    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        if (arguments.Length <= InlineArguments)
        {
            // Keeps calls with few arguments allocation-free.
            var buffer = new ArgumentBuffer();
            Span<Value> values = buffer;
            return Invoke(values[..arguments.Length], ref context);
        }

        return Invoke(new Value[arguments.Length], ref context);
    }

    private Value Invoke(Span<Value> values, ref EvaluationContext context)
    {
        for (var i = 0; i < values.Length; i++) values[i] = arguments[i].Evaluate(ref context);
        return body(values, ref context, Column);
    }
}

/// <summary><c>coalesce(a, b, …)</c>: evaluates arguments in order and stops at the first non-null one.</summary>
internal sealed class CoalesceNode(ImmutableArray<Node> arguments, int column) : Node(column)
{
    public override Value Evaluate(ref EvaluationContext context)
    {
        context.Step(Column);
        foreach (var argument in arguments)
        {
            var value = argument.Evaluate(ref context);
            if (!value.IsNull) return value;
        }
        return Value.Null;
    }
}
