using WorkflowEngine.Engine.Expressions;
using static WorkflowEngine.Tests.Expressions.ExpressionTestHelper;

namespace WorkflowEngine.Tests.Expressions;

public class ParsedExpressionTests
{
    [TestCase("a.b?.c > 1 and d", new[] { "a", "d" })]
    [TestCase("len(x) > 0 and x == y or contains(tags, 'a')", new[] { "x", "y", "tags" })]
    [TestCase("[p, q.r, -s]", new[] { "p", "q", "s" })]
    [TestCase("coalesce(a, a.b, a?.c)", new[] { "a" })]
    [TestCase("申请金额 > 30000 and 事项类型 in ['承诺件']", new[] { "申请金额", "事项类型" })]
    [TestCase("1 + 2 == 3 and true and null == null", new string[0])]
    public void RootFields_lists_each_top_level_field_once(string source, string[] expected) =>
        Parse(source).RootFields.Should().Equal(expected);

    [Test]
    public void Source_and_ToString_return_the_original_text()
    {
        const string source = "  amount >  30000 ";
        var expression = Parse(source);
        expression.Source.Should().Be(source);
        expression.ToString().Should().Be(source);
    }

    [Test]
    public void EvaluateCondition_requires_a_boolean_and_treats_null_as_false()
    {
        var data = Data("{ ok: true, no: false, amount: 5 }");
        Parse("ok").EvaluateCondition(data).Should().BeTrue();
        Parse("no").EvaluateCondition(data).Should().BeFalse();
        Parse("missing").EvaluateCondition(data).Should().BeFalse();
        Parse("amount > 30000").EvaluateCondition(data).Should().BeFalse();

        var act = () => Parse("amount").EvaluateCondition(data);
        act.Should().Throw<ExpressionEvaluationException>()
            .WithMessage("条件的结果应为 true 或 false，实际为数字 5；请写成比较，如 amount > 30000");
    }

    [Test]
    public void A_typical_approval_condition()
    {
        var expression = Parse("amount > 30000 and kind == '承诺件' or applicant?.level in ['处级', '厅级']");
        expression.EvaluateCondition(Data("{ amount: 50000, kind: '承诺件' }")).Should().BeTrue();
        expression.EvaluateCondition(Data("{ amount: 20000, kind: '承诺件' }")).Should().BeFalse();
        expression.EvaluateCondition(Data("{ amount: null, kind: '承诺件', applicant: { level: '厅级' } }")).Should().BeTrue();
        expression.EvaluateCondition(Data("{}")).Should().BeFalse();
    }

    [Test]
    public void Evaluate_rejects_null_data()
    {
        var act = () => Parse("a").Evaluate(null!);
        act.Should().Throw<ArgumentNullException>();
    }
}
