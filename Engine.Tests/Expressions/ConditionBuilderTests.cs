using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Tests.Expressions;

/// <summary>The designer's condition builder: text → tree → text with the core's parser, and what it refuses.</summary>
public class ConditionBuilderTests
{
    [TestCase("sealType == '合同'")]
    [TestCase("amount >= collectiveThreshold")]
    [TestCase("score >= 80 and targetLevel == '省级卫生镇'")]
    [TestCase("purchaseCategory == '大宗物资和设备' or amount >= 30000")]
    [TestCase("a == 1 and (b == 2 or c != 'x') and d < 3.5")]
    [TestCase("(a == 1 or b == 2) and c == true")]
    [TestCase("kind in ['合同', '证明']")]
    [TestCase("kind not in ['合同']")]
    [TestCase("'营业执照' in materials")]
    [TestCase("'营业执照' not in materials")]
    [TestCase("urgent == true")]
    [TestCase("note == 'it\\'s'")]
    [TestCase("x == -5")]
    [TestCase("x == null")]
    [TestCase("true")]
    public void Text_reads_back_as_the_same_text(string text)
    {
        var tree = ConditionBuilder.ToTree(text);
        tree.Representable.Should().BeTrue(tree.Reason);
        ConditionBuilder.ToExpression(tree.Tree!).Should().Be(new ConditionTextResult(text, null));
    }

    [Test]
    public void Chains_of_one_operator_become_one_group_and_mixed_ones_nest()
    {
        var tree = ConditionBuilder.ToTree("a == 1 and (b == 2 or c == 3) and d == 4").Tree!;
        tree.Kind.Should().Be("group");
        tree.Match.Should().Be("and");
        tree.Items!.Select(i => i.Kind).Should().Equal("rule", "group", "rule");
        tree.Items![1].Match.Should().Be("or");
        tree.Items![1].Items!.Select(i => i.Field).Should().Equal("b", "c");
        tree.Items![0].Value.Should().Be(Value.Number(1));
    }

    [Test]
    public void A_list_field_holding_a_value_is_a_contains_rule()
    {
        var rule = ConditionBuilder.ToTree("'营业执照' in materials").Tree!;
        rule.Should().BeEquivalentTo(ConditionTree.Rule("materials", "contains", Value.String("营业执照")));
    }

    [Test]
    public void Redundant_parentheses_are_dropped_and_or_inside_and_keeps_them()
    {
        ConditionBuilder.ToExpression(ConditionBuilder.ToTree("((a == 1))").Tree!).Expression.Should().Be("a == 1");
        var built = ConditionTree.Group("and", [
            ConditionTree.Rule("sealType", "==", Value.String("合同")),
            ConditionTree.Group("or", [ConditionTree.Rule("amount", ">", Value.Number(5)), ConditionTree.Rule("urgent", "==", Value.True)]),
        ]);
        ConditionBuilder.ToExpression(built).Expression.Should().Be("sealType == '合同' and (amount > 5 or urgent == true)");
    }

    [TestCase("not urgent", "not")]
    [TestCase("amount * 2 > 30000", "左侧")]
    [TestCase("amount > base + 1", "右侧")]
    [TestCase("len(items) > 2", "左侧")]
    [TestCase("urgent", "字段 运算符 值")]
    [TestCase("applicant.age > 18", "左侧")]
    public void What_the_builder_cannot_show_is_reported_for_text_editing(string text, string mentions)
    {
        var result = ConditionBuilder.ToTree(text);
        result.Representable.Should().BeFalse();
        result.Reason.Should().Contain("条件构建器不能表示").And.Contain(mentions).And.Contain("文本");
    }

    [Test]
    public void A_syntax_error_is_the_parsers_message()
    {
        var result = ConditionBuilder.ToTree("amount >");
        result.Representable.Should().BeFalse();
        result.Reason.Should().Be(ExpressionParser.Parse("amount >").Error!.Message);
    }

    [TestCase("", "==", "请选择字段")]
    [TestCase("and", "==", "不是有效的字段名")]
    [TestCase("a b", "==", "不是有效的字段名")]
    [TestCase("amount", "~", "运算符“~”无效")]
    [TestCase("amount", "in", "应为列表")]
    public void A_bad_rule_is_refused_with_a_reason(string field, string op, string message) =>
        ConditionBuilder.ToExpression(ConditionTree.Rule(field, op, Value.Number(1))).Error.Should().Contain(message);

    [Test]
    public void Bad_groups_are_refused()
    {
        ConditionBuilder.ToExpression(ConditionTree.Group("xor", [ConditionTree.Rule("a", "==", Value.True)])).Error.Should().Contain("组合方式");
        ConditionBuilder.ToExpression(ConditionTree.Group("and", [ConditionTree.Group("or", [])])).Error.Should().Contain("条件组不能为空");
        ConditionBuilder.ToExpression(new ConditionTree { Kind = "lambda" }).Error.Should().Contain("类型");
    }
}
