using WorkflowEngine.Engine.Expressions;
using static WorkflowEngine.Tests.Expressions.ExpressionTestHelper;

namespace WorkflowEngine.Tests.Expressions;

public class ParseErrorTests
{
    private const string FunctionList = "len、isEmpty、contains、startsWith、endsWith、coalesce、abs、round、min、max、sum、count、days";

    private static void ShouldFail(string source, int column, string message)
    {
        var error = ParseError(source);
        error.Column.Should().Be(column);
        error.Message.Should().Be(message);
    }

    private static void ShouldFailContaining(string source, int column, params string[] fragments)
    {
        var error = ParseError(source);
        error.Column.Should().Be(column);
        error.Message.Should().StartWith($"第 {column} 列：");
        foreach (var fragment in fragments) error.Message.Should().Contain(fragment);
    }

    [Test]
    public void Unexpected_character() =>
        ShouldFail("amount > 3 # 4", 12, "第 12 列：无法识别的字符 “#”");

    [Test]
    public void Columns_count_utf16_chars_including_chinese_and_surrogate_pairs()
    {
        ParseError("申请金额 > 3 #").Column.Should().Be(10);
        ParseError("𠮷 > 1 #").Column.Should().Be(8);
    }

    [Test]
    public void Full_width_punctuation_suggests_the_ascii_character() =>
        ShouldFail("amount > （1)", 10, "第 10 列：“（” 是全角字符，请改用半角 “(”");

    [Test]
    public void Unclosed_string_points_at_the_opening_quote()
    {
        ShouldFail("kind == '承诺件", 9, "第 9 列：字符串缺少结束引号 '");
        ShouldFail("kind == \"承诺件", 9, "第 9 列：字符串缺少结束引号 \"");
        ShouldFail("kind == 'abc\\", 9, "第 9 列：字符串缺少结束引号 '");
    }

    [Test]
    public void Unknown_escape_in_string() =>
        ShouldFailContaining("'a\\qb'", 3, "不支持的转义 “\\q”");

    [Test]
    public void Missing_right_parenthesis_at_end()
    {
        ShouldFail("(amount > 1 and ok", 19, "第 19 列：缺少右括号 “)”（第 1 列的 “(” 没有闭合）");
        ShouldFail("len(name   ", 9, "第 9 列：缺少右括号 “)”（第 4 列的 “(” 没有闭合）");
        ShouldFail("[1, 2", 6, "第 6 列：缺少右方括号 “]”（第 1 列的 “[” 没有闭合）");
    }

    [Test]
    public void Missing_right_parenthesis_before_another_token() =>
        ShouldFail("(a b)", 4, "第 4 列：此处应为 “)”（与第 1 列的 “(” 配对），却遇到 “b”");

    [Test]
    public void Dangling_operator_names_the_operator()
    {
        ShouldFail("a == 10 and", 9, "第 9 列：表达式不完整，“and” 之后缺少操作数");
        ShouldFail("a + ", 3, "第 3 列：表达式不完整，“+” 之后缺少操作数");
        ShouldFail("not", 1, "第 1 列：表达式不完整，“not” 之后缺少操作数");
    }

    [Test]
    public void Operator_where_an_operand_belongs()
    {
        ShouldFailContaining("a and and b", 7, "缺少操作数", "“and”");
        ShouldFailContaining("* 3", 1, "缺少操作数", "“*”");
        ShouldFailContaining("[1, ]", 5, "缺少操作数", "“]”");
        ShouldFail("a == not b", 6, "第 6 列：“not” 的优先级低于比较和算术运算，在运算符之后使用时请加括号，如 a == (not b)");
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void Empty_input(string? source) =>
        ShouldFail(source!, 1, "第 1 列：表达式为空");

    [Test]
    public void C_style_logical_operators_suggest_the_keyword()
    {
        ShouldFail("a && b", 3, "第 3 列：请使用 and 代替 &&");
        ShouldFail("a || b", 3, "第 3 列：请使用 or 代替 ||");
        ShouldFail("!a", 1, "第 1 列：请使用 not 代替 !");
        ShouldFail("ok and !done", 8, "第 8 列：请使用 not 代替 !");
    }

    [Test]
    public void Other_operators_from_other_languages()
    {
        ShouldFailContaining("a = 1", 3, "请使用 == 判断是否相等");
        ShouldFailContaining("a <> 1", 3, "请使用 != 判断是否不相等");
        ShouldFailContaining("a ? b", 3, "“?.”");
    }

    [Test]
    public void Unknown_function_lists_the_known_ones_and_suggests_a_close_name()
    {
        ShouldFail("1 + lenght(x)", 5, $"第 5 列：未知函数 “lenght”，可用函数：{FunctionList}；是否想写 “len”？");
        ShouldFail("foo(1)", 1, $"第 1 列：未知函数 “foo”，可用函数：{FunctionList}");
    }

    [Test]
    public void Function_names_are_case_sensitive() =>
        ShouldFail("IsEmpty(x)", 1, $"第 1 列：未知函数 “IsEmpty”，可用函数：{FunctionList}；函数名区分大小写，请写成 “isEmpty”");

    [Test]
    public void Wrong_argument_count()
    {
        ShouldFail("len(a, b)", 1, "第 1 列：函数 len 需要 1 个参数，实际传入 2 个；用法：len(文本、列表或对象)");
        ShouldFail("x > 0 and round(x)", 11, "第 11 列：函数 round 需要 2 个参数，实际传入 1 个；用法：round(数字, 小数位数)");
        ShouldFailContaining("coalesce()", 1, "函数 coalesce 至少需要 1 个参数，实际传入 0 个");
        ShouldFailContaining("max()", 1, "函数 max 至少需要 1 个参数");
    }

    [TestCase("1 < a < 3", 7)]
    [TestCase("a == b == c", 8)]
    [TestCase("a in b in c", 8)]
    [TestCase("a < b not in c", 7)]
    public void Chained_comparison_is_rejected(string source, int column) =>
        ShouldFail(source, column, $"第 {column} 列：比较运算不能连写，请把 a < b < c 改写为 a < b and b < c");

    [Test]
    public void Member_access_errors()
    {
        ShouldFail("a.", 2, "第 2 列：表达式不完整，“.” 之后缺少字段名");
        ShouldFail("a?.", 2, "第 2 列：表达式不完整，“?.” 之后缺少字段名");
        ShouldFail("a.in", 3, "第 3 列：“in” 是关键字，不能用作字段名");
        ShouldFailContaining("a.3", 3, "“.” 之后应为字段名");
        ShouldFailContaining("a.len(1)", 3, "不能在 “.” 之后调用函数");
    }

    [Test]
    public void Leftover_tokens_after_a_complete_expression()
    {
        ShouldFail("a b", 3, "第 3 列：此处不应出现 “b”，前面的表达式已经完整；是否缺少运算符（如 and、or、==）？");
        ShouldFail("a)", 2, "第 2 列：多余的右括号 “)”");
        ShouldFail("a AND b", 3, "第 3 列：关键字区分大小写，请把 “AND” 写成 “and”");
        ShouldFailContaining("a not b", 3, "“not” 只能放在条件之前");
    }

    [Test]
    public void Number_out_of_range() =>
        ShouldFailContaining("x > 99999999999999999999999999999999", 5, "超出范围");

    [Test]
    public void The_first_error_in_the_text_wins_over_later_lexical_errors() =>
        ParseError("a and and #").Column.Should().Be(7);

    [Test]
    public void Too_long()
    {
        Parse("a" + new string(' ', 1999)).Source.Should().HaveLength(2000);
        ShouldFail(new string('a', 2001), 2001, "第 2001 列：表达式过长（2001 个字符），最多 2000 个字符，请拆分为多个条件");
    }

    [Test]
    public void Too_deep()
    {
        static string Parens(int n) => new string('(', n) + "1" + new string(')', n);
        Parse(Parens(32)).Evaluate(Data()).Should().Be(Value.Number(1));
        ShouldFail(Parens(33), 33, "第 33 列：嵌套超过 32 层（括号、函数调用、not 或负号），请简化表达式");

        Parse(new string('-', 32) + "1").Evaluate(Data()).Should().Be(Value.Number(1));
        ParseError(new string('-', 33) + "1").Column.Should().Be(33);
        ParseError(string.Concat(Enumerable.Repeat("not ", 33)) + "true").Column.Should().Be(129);
        ParseError(string.Concat(Enumerable.Repeat("abs(", 33)) + "1" + new string(')', 33)).Column.Should().Be(132);
        ParseError(new string('[', 33) + new string(']', 33)).Column.Should().Be(33);
    }

    [Test]
    public void Too_many_nodes()
    {
        static string Sum(int terms) => string.Join(" + ", Enumerable.Repeat("a", terms));
        Parse(Sum(250)).Evaluate(Data("{ a: 1 }")).Should().Be(Value.Number(250)); // 499 nodes
        ShouldFail(Sum(251), 999, "第 999 列：表达式过于复杂（超过 500 个语法节点），请拆分为多个条件");
    }

    [Test]
    public void Keywords_are_reserved_and_case_sensitive()
    {
        ParseError("and").Column.Should().Be(1);
        ParseError("a == in").Message.Should().Contain("却遇到 “in”");
        Eval("True", "{ True: 5 }").Should().Be(Value.Number(5));
    }
}
