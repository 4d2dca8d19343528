using System.Collections.Immutable;
using WorkflowEngine.Engine.Expressions.Nodes;

namespace WorkflowEngine.Engine.Expressions;

/// <summary>The implementation of a function whose arguments are evaluated before the call.</summary>
internal delegate Value FunctionBody(ReadOnlySpan<Value> arguments, ref EvaluationContext context, int column);

/// <param name="Usage">How to call it, shown in argument-count errors, e.g. <c>round(数字, 小数位数)</c>.</param>
/// <param name="CreateNode">Builds the call node from the parsed arguments and the column of the name.</param>
internal sealed record FunctionDefinition(
    string Name,
    int MinArguments,
    int MaxArguments,
    string Usage,
    Func<ImmutableArray<Node>, int, Node> CreateNode)
{
    public const int Unlimited = int.MaxValue;

    public static FunctionDefinition Eager(string name, int minArguments, int maxArguments, string usage, FunctionBody body) =>
        new(name, minArguments, maxArguments, usage, (arguments, column) => new CallNode(body, arguments, column));

    /// <summary>E.g. <c>需要 2 个参数</c>, <c>至少需要 1 个参数</c>.</summary>
    public string ArgumentCountText => (MinArguments, MaxArguments) switch
    {
        var (min, max) when min == max => $"需要 {min} 个参数",
        (var min, Unlimited) => $"至少需要 {min} 个参数",
        var (min, max) => $"需要 {min} 到 {max} 个参数",
    };
}
