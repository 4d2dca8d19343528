using System.Collections.Immutable;
using System.Diagnostics;
using WorkflowEngine.Engine.Expressions;
using static WorkflowEngine.Tests.Expressions.ExpressionTestHelper;

namespace WorkflowEngine.Tests.Expressions;

public class LimitsTests
{
    private const string BudgetMessage = "计算量超过上限（10000 步）";

    private static Value NumberList(int count) => Value.List(Enumerable.Range(0, count).Select(i => Value.Number(i)));

    private static Dictionary<string, Value> BigData() => new()
    {
        ["big"] = NumberList(100_000),
        ["big2"] = NumberList(100_000),
        ["text"] = Value.String(new string('甲', 1_000_000)),
    };

    [TestCase("sum(big)")]
    [TestCase("count(big, 1)")]
    [TestCase("max(big)")]
    [TestCase("-1 in big")]
    [TestCase("contains(big, -1)")]
    [TestCase("big == big2")]
    [TestCase("'乙' in text")]
    [TestCase("len(text)")]
    [TestCase("endsWith(text, text)")]
    public void Work_over_huge_data_exceeds_the_budget_quickly(string source)
    {
        var expression = Parse(source);
        var data = BigData();
        var stopwatch = Stopwatch.StartNew();

        var act = () => expression.Evaluate(data);

        act.Should().Throw<ExpressionEvaluationException>().WithMessage($"*{BudgetMessage}*");
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Test]
    public void Moderate_data_fits_in_the_budget() =>
        Eval("sum(list)", new Dictionary<string, Value> { ["list"] = NumberList(9_000) })
            .Should().Be(Value.Number(Enumerable.Range(0, 9_000).Sum()));

    [Test]
    public void The_budget_is_shared_by_the_whole_evaluation_and_renewed_for_each()
    {
        var data = new Dictionary<string, Value> { ["list"] = NumberList(6_000) };
        Parse("sum(list)").Evaluate(data).Should().Be(Value.Number(17_997_000));
        Parse("sum(list)").Evaluate(data).Should().Be(Value.Number(17_997_000));
        EvalError("sum(list) + sum(list)", data).Should().Contain(BudgetMessage);
    }

    [Test]
    public void Concatenation_growth_is_bounded()
    {
        var data = new Dictionary<string, Value> { ["s"] = Value.String(new string('a', 4_000)) };
        Eval("len(s + s)", data).Should().Be(Value.Number(8_000));
        EvalError("s + s + s", data).Should().Be("第 7 列：生成的字符串过长（12000 个字符，最多 10000 个）");
    }

    [Test]
    public void Deeply_nested_data_cannot_overflow_the_stack_in_equality()
    {
        var deep = Value.Number(1);
        for (var i = 0; i < 10_000; i++) deep = Value.List(ImmutableArray.Create(deep));
        var data = new Dictionary<string, Value> { ["a"] = deep, ["b"] = deep };

        EvalError("a == b", data).Should().Contain("数据嵌套超过 64 层");
    }

    [Test]
    public void Uninitialised_list_values_count_as_empty() =>
        Eval("len(l) == 0 and sum(l) == 0 and not (1 in l)",
                new Dictionary<string, Value> { ["l"] = Value.List(default(ImmutableArray<Value>)) })
            .Should().Be(Value.True);
}
