using System.Globalization;
using FsCheck;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Tests.Expressions;

public class PropertyTests
{
    private static string Literal(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    [FsCheck.NUnit.Property]
    public bool Adding_then_subtracting_returns_the_original_integer(int a, int b) =>
        ExpressionTestHelper.Eval($"{a} + {b} - {b} == {a}") == Value.True
        && ExpressionTestHelper.Eval($"{a} + {b} - {b}") == Value.Number(a);

    [FsCheck.NUnit.Property]
    public bool Number_comparisons_agree_with_CSharp(decimal a, decimal b) =>
        ExpressionTestHelper.Eval($"{Literal(a)} < {Literal(b)}") == Value.Bool(a < b)
        && ExpressionTestHelper.Eval($"{Literal(a)} >= {Literal(b)}") == Value.Bool(a >= b)
        && ExpressionTestHelper.Eval($"{Literal(a)} == {Literal(b)}") == Value.Bool(a == b);

    [FsCheck.NUnit.Property]
    public bool String_comparisons_agree_with_ordinal_comparison(NonNull<string> a, NonNull<string> b)
    {
        var data = new Dictionary<string, Value> { ["a"] = Value.String(a.Get), ["b"] = Value.String(b.Get) };
        return ExpressionTestHelper.Eval("a < b", data) == Value.Bool(string.CompareOrdinal(a.Get, b.Get) < 0);
    }

    [FsCheck.NUnit.Property]
    public bool Parsing_never_throws_and_errors_point_into_the_text(string source)
    {
        var result = ExpressionParser.Parse(source);
        if (result.Success) return result.Error is null;
        var error = result.Error!;
        return error.Column >= 1
            && error.Column <= Math.Max(1, (source?.Length ?? 0) + 1)
            && error.Message.StartsWith($"第 {error.Column} 列：", StringComparison.Ordinal);
    }

    private static readonly string[] Vocabulary =
    [
        "a", "b", "o", "s", "l", "o.x", "o?.y", "1", "0", "2.5", "-", "+", "*", "/", "%", "==", "!=", "<", ">=",
        "and", "or", "not", "in", "not in", "(", ")", "[", "]", ",", "'x'", "null", "true",
        "len(", "sum(", "max(", "days(", "coalesce(", "round(", "contains(", "isEmpty(",
    ];

    private static readonly Dictionary<string, Value> SampleData = new()
    {
        ["a"] = Value.Number(3),
        ["b"] = Value.Bool(true),
        ["o"] = ExpressionTestHelper.Json("{ x: 1, y: null }"),
        ["s"] = Value.String("2024-01-01"),
        ["l"] = ExpressionTestHelper.Json("[1, null, 'x']"),
    };

    /// <summary>Random token soup either fails to parse, or evaluates with only <see cref="ExpressionEvaluationException"/>.</summary>
    [FsCheck.NUnit.Property(MaxTest = 2000)]
    public bool Evaluation_fails_only_with_ExpressionEvaluationException(int[] choices)
    {
        var source = string.Join(" ", choices.Select(c => Vocabulary[(int)((uint)c % Vocabulary.Length)]));
        var result = ExpressionParser.Parse(source);
        if (!result.Success) return true;
        try
        {
            result.Expression!.Evaluate(SampleData);
        }
        catch (ExpressionEvaluationException)
        {
        }
        return true;
    }

    private static readonly string[] Atoms =
        ["a", "b", "o", "s", "l", "missing", "o.x", "o?.y", "missing?.z", "1", "0", "2.5", "'x'", "''", "'2024-01-01'", "null", "true", "false", "[]", "[1, 'x']"];

    private static readonly string[] BinaryOperators =
        ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "in", "not in", "and", "or"];

    private static readonly (string Name, int Arity)[] Calls =
    [
        ("len", 1), ("isEmpty", 1), ("contains", 2), ("startsWith", 2), ("endsWith", 2), ("coalesce", 3), ("abs", 1),
        ("round", 2), ("min", 2), ("max", 1), ("sum", 1), ("count", 2), ("days", 2),
    ];

    private static string RandomExpression(Random random, int depth)
    {
        if (depth == 0) return Atoms[random.Next(Atoms.Length)];
        switch (random.Next(5))
        {
            case 0:
                return Atoms[random.Next(Atoms.Length)];
            case 1:
                var op = BinaryOperators[random.Next(BinaryOperators.Length)];
                return $"({RandomExpression(random, depth - 1)} {op} {RandomExpression(random, depth - 1)})";
            case 2:
                return $"({(random.Next(2) == 0 ? "not " : "-")}{RandomExpression(random, depth - 1)})";
            case 3:
                var (name, arity) = Calls[random.Next(Calls.Length)];
                var arguments = Enumerable.Range(0, arity).Select(_ => RandomExpression(random, depth - 1));
                return $"{name}({string.Join(", ", arguments)})";
            default:
                return $"[{RandomExpression(random, depth - 1)}, {RandomExpression(random, depth - 1)}]";
        }
    }

    /// <summary>Well-formed random expressions always parse, and evaluate to a value or an <see cref="ExpressionEvaluationException"/>.</summary>
    [FsCheck.NUnit.Property(MaxTest = 2000)]
    public bool Well_formed_expressions_parse_and_fail_only_with_ExpressionEvaluationException(int seed)
    {
        var source = RandomExpression(new Random(seed), depth: 4);
        var result = ExpressionParser.Parse(source);
        if (!result.Success) throw new AssertionException($"“{source}” did not parse: {result.Error}");
        try
        {
            result.Expression!.Evaluate(SampleData);
        }
        catch (ExpressionEvaluationException)
        {
        }
        return true;
    }
}
