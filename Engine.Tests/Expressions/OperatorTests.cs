using WorkflowEngine.Engine.Expressions;
using static WorkflowEngine.Tests.Expressions.ExpressionTestHelper;

namespace WorkflowEngine.Tests.Expressions;

public class OperatorTests
{
    [TestCase("30000", 30000)]
    [TestCase("0.5", 0.5)]
    [TestCase("1 + 2", 3)]
    [TestCase("5 - 7", -2)]
    [TestCase("6 * 7", 42)]
    [TestCase("7 / 2", 3.5)]
    [TestCase("7 % 3", 1)]
    [TestCase("-7 % 3", -1)]
    [TestCase("-(2 + 3)", -5)]
    [TestCase("- -4", 4)]
    [TestCase("2 * -3", -6)]
    public void Arithmetic(string source, decimal expected) =>
        Eval(source).Should().Be(Value.Number(expected));

    [TestCase("1 + 2 * 3", 7)]
    [TestCase("(1 + 2) * 3", 9)]
    [TestCase("10 - 4 - 3", 3)]
    [TestCase("100 / 10 / 5", 2)]
    [TestCase("2 * 3 % 4", 2)]
    [TestCase("-2 * 3 + 10", 4)]
    [TestCase("1 + 2 * 3 - 4 / 2", 5)]
    public void Arithmetic_precedence_and_left_associativity(string source, decimal expected) =>
        Eval(source).Should().Be(Value.Number(expected));

    [Test]
    public void Decimal_arithmetic_is_exact()
    {
        Eval("0.1 + 0.2 == 0.3").Should().Be(Value.True);
        Eval("30000.00 == 30000").Should().Be(Value.True);
        Eval("amount * 0.05", "{ amount: 12345.67 }").Should().Be(Value.Number(617.2835m));
    }

    [Test]
    public void String_concatenation() =>
        Eval("'申请人：' + name", "{ name: '张三' }").Should().Be(Value.String("申请人：张三"));

    [Test]
    public void String_escapes() =>
        Eval(@"'a\'b' + ""c\""d"" + 'e\\f' + 'g\nh'").Should().Be(Value.String("a'bc\"de\\fg\nh"));

    [Test]
    public void Literals()
    {
        Eval("true").Should().Be(Value.True);
        Eval("false").Should().Be(Value.False);
        Eval("null").Should().Be(Value.Null);
        Eval("[1, 'a', [true, null]]").Should().Be(Json("[1, 'a', [true, null]]"));
        Eval("[]").Should().Be(Json("[]"));
        Eval("[x, x + 1]", "{ x: 1 }").Should().Be(Json("[1, 2]"));
    }

    [Test]
    public void Division_and_modulo_by_zero_are_errors()
    {
        EvalError("1 / 0").Should().Be("第 3 列：“/” 的除数为 0");
        EvalError("amount % count", "{ amount: 5, count: 0 }").Should().Be("第 8 列：“%” 的除数为 0");
    }

    [Test]
    public void Decimal_overflow_is_an_evaluation_error()
    {
        EvalError("79228162514264337593543950335 + 1").Should().Contain("计算结果超出数字范围");
        EvalError("79228162514264337593543950335 * 2").Should().Contain("计算结果超出数字范围");
        EvalError("-79228162514264337593543950335 - 1").Should().Contain("计算结果超出数字范围");
        EvalError("79228162514264337593543950335 / 0.1").Should().Contain("计算结果超出数字范围");
    }

    [Test]
    public void Arithmetic_type_errors()
    {
        EvalError("1 + '1'").Should().Be("第 3 列：“+” 只能用于两个数字相加或两个字符串连接，实际左侧为数字 1，右侧为字符串 “1”");
        EvalError("'a' - 1").Should().Contain("“-” 只能用于数字");
        EvalError("true * 2").Should().Contain("“*” 只能用于数字");
        EvalError("-'a'").Should().Contain("负号 “-” 只能用于数字");
        EvalError("amount + 1").Should().Contain("右侧为数字 1").And.Contain("coalesce(字段, 0)");
    }

    [Test]
    public void Equality_is_deep_and_kind_sensitive()
    {
        Eval("1 == '1'").Should().Be(Value.False);
        Eval("1 != '1'").Should().Be(Value.True);
        Eval("null == null").Should().Be(Value.True);
        Eval("missing == null").Should().Be(Value.True);
        Eval("0 == null").Should().Be(Value.False);
        Eval("false == null").Should().Be(Value.False);
        Eval("'' == null").Should().Be(Value.False);
        Eval("[1, [2, 'a']] == [1, [2, 'a']]").Should().Be(Value.True);
        Eval("[1, 2] == [2, 1]").Should().Be(Value.False);
        Eval("o == p", "{ o: { a: 1, b: [1] }, p: { b: [1], a: 1.0 } }").Should().Be(Value.True);
        Eval("o != p", "{ o: { a: 1 }, p: { a: 1, b: null } }").Should().Be(Value.True);
        Eval("'承诺件' == kind", "{ kind: '承诺件' }").Should().Be(Value.True);
        Eval("'A' == 'a'").Should().Be(Value.False);
    }

    [TestCase("1 < 2", true)]
    [TestCase("2 < 2", false)]
    [TestCase("2 <= 2", true)]
    [TestCase("3 <= 2", false)]
    [TestCase("3 > 2", true)]
    [TestCase("2 > 2", false)]
    [TestCase("2 >= 2", true)]
    [TestCase("1 >= 2", false)]
    [TestCase("-1.5 < -1", true)]
    [TestCase("'a' < 'b'", true)]
    [TestCase("'B' < 'a'", true)]
    [TestCase("'abc' >= 'abd'", false)]
    [TestCase("'2024-01-31' < '2024-02-01'", true)]
    public void Ordering(string source, bool expected) =>
        Eval(source).Should().Be(Value.Bool(expected));

    [TestCase("amount > 30000")]
    [TestCase("amount < 30000")]
    [TestCase("amount >= 30000")]
    [TestCase("amount <= 30000")]
    [TestCase("30000 < amount")]
    [TestCase("null < null")]
    [TestCase("null <= null")]
    [TestCase("'a' > null")]
    public void Ordering_with_null_is_false(string source) =>
        Eval(source, "{ amount: null }").Should().Be(Value.False);

    [Test]
    public void Ordering_mixed_kinds_is_an_error()
    {
        EvalError("amount > '30000'", "{ amount: 1 }")
            .Should().Be("第 8 列：“>” 只能比较两个数字或两个字符串，实际左侧为数字 1，右侧为字符串 “30000”");
        EvalError("true < false").Should().Contain("只能比较两个数字或两个字符串");
        EvalError("[1] < [2]").Should().Contain("左侧为列表");
    }

    [Test]
    public void Logical_operators()
    {
        Eval("true and true").Should().Be(Value.True);
        Eval("true and false").Should().Be(Value.False);
        Eval("false or true").Should().Be(Value.True);
        Eval("false or false").Should().Be(Value.False);
        Eval("not true").Should().Be(Value.False);
        Eval("not false").Should().Be(Value.True);
        Eval("not not true").Should().Be(Value.True);
    }

    [TestCase(false, false, false)]
    [TestCase(false, true, true)]
    [TestCase(true, true, false)]
    public void Not_binds_tighter_than_and(bool a, bool b, bool expected)
    {
        var data = new Dictionary<string, Value> { ["a"] = Value.Bool(a), ["b"] = Value.Bool(b) };
        Eval("not a and b", data).Should().Be(Value.Bool(expected));
    }

    [Test]
    public void Logical_precedence()
    {
        Eval("true or true and false").Should().Be(Value.True, "and binds tighter than or");
        Eval("(true or true) and false").Should().Be(Value.False);
        Eval("not 1 == 2").Should().Be(Value.True, "not applies to the whole comparison");
        Eval("1 + 1 == 2 and 3 > 2 * 1").Should().Be(Value.True);
        Eval("'a' in ['a'] and not 'b' in ['a']").Should().Be(Value.True);
    }

    [Test]
    public void Logical_operators_treat_null_as_false()
    {
        Eval("flag and true").Should().Be(Value.False);
        Eval("flag or true").Should().Be(Value.True);
        Eval("true and flag").Should().Be(Value.False);
        Eval("false or flag").Should().Be(Value.False);
        Eval("not flag").Should().Be(Value.True);
    }

    [Test]
    public void Logical_operators_short_circuit()
    {
        Eval("false and 1 / 0 > 1").Should().Be(Value.False);
        Eval("true or 1 / 0 > 1").Should().Be(Value.True);
        Eval("a != null and a.b == 1", "{ a: null }").Should().Be(Value.False);
    }

    [Test]
    public void Logical_operands_must_be_boolean_or_null()
    {
        EvalError("amount and true", "{ amount: 30000 }")
            .Should().Be("第 8 列：“and” 的左侧应为 true、false 或 null，实际为数字 30000；请写成比较，如 x > 0");
        EvalError("true and 'yes'").Should().Contain("“and” 的右侧").And.Contain("字符串 “yes”");
        EvalError("false or 1").Should().Contain("“or” 的右侧");
        EvalError("not 0").Should().Contain("“not” 的操作数");
    }

    [Test]
    public void In_and_not_in_with_lists()
    {
        Eval("kind in ['承诺件', '即办件']", "{ kind: '即办件' }").Should().Be(Value.True);
        Eval("kind in ['承诺件', '即办件']", "{ kind: '上报件' }").Should().Be(Value.False);
        Eval("kind not in ['承诺件', '即办件']", "{ kind: '上报件' }").Should().Be(Value.True);
        Eval("1 in ['1']").Should().Be(Value.False);
        Eval("1.0 in [2, 1]").Should().Be(Value.True);
        Eval("null in [1, null]").Should().Be(Value.True);
        Eval("[1, 2] in [[1, 2], [3]]").Should().Be(Value.True);
        Eval("1 in []").Should().Be(Value.False);
        Eval("x in tags", "{ x: 'b', tags: ['a', 'b'] }").Should().Be(Value.True);
    }

    [Test]
    public void In_and_not_in_with_strings_is_substring()
    {
        Eval("'紧急' in title", "{ title: '关于紧急采购的请示' }").Should().Be(Value.True);
        Eval("'紧急' not in title", "{ title: '关于紧急采购的请示' }").Should().Be(Value.False);
        Eval("'' in 'abc'").Should().Be(Value.True);
        Eval("'C' in 'abc'").Should().Be(Value.False);
        Eval("missing in 'abc'").Should().Be(Value.False);
    }

    [Test]
    public void In_with_null_on_the_right()
    {
        Eval("1 in tags").Should().Be(Value.False);
        Eval("1 not in tags").Should().Be(Value.True);
    }

    [Test]
    public void In_type_errors()
    {
        EvalError("1 in 5").Should().Be("第 3 列：“in” 的右侧应为列表或字符串，实际为数字 5");
        EvalError("1 not in o", "{ o: { a: 1 } }").Should().Be("第 3 列：“not in” 的右侧应为列表或字符串，实际为对象");
        EvalError("1 in 'a1'").Should().Contain("在字符串中查找时，“in” 的左侧也应为字符串，实际为数字 1");
    }

    [Test]
    public void Expressions_may_span_lines_and_use_any_whitespace() =>
        Eval("amount > 1\n\tand\r\n kind == 'a'", "{ amount: 2, kind: 'a' }").Should().Be(Value.True);
}
