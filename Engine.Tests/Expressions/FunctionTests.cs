using WorkflowEngine.Engine.Expressions;
using static WorkflowEngine.Tests.Expressions.ExpressionTestHelper;

namespace WorkflowEngine.Tests.Expressions;

public class FunctionTests
{
    [TestCase("len('abc')", 3)]
    [TestCase("len('')", 0)]
    [TestCase("len('申请人')", 3)]
    [TestCase("len('𠮷野')", 2)]
    [TestCase("len([1, [2, 3], null])", 3)]
    [TestCase("len(o)", 2)]
    [TestCase("len(missing)", 0)]
    public void Len(string source, decimal expected) =>
        Eval(source, "{ o: { a: 1, b: 2 } }").Should().Be(Value.Number(expected));

    [Test]
    public void Len_of_a_number_is_an_error() =>
        EvalError("len(5)").Should().Be("第 1 列：函数 len 的第 1 个参数应为字符串、列表或对象，实际为数字 5");

    [TestCase("isEmpty(missing)", true)]
    [TestCase("isEmpty('')", true)]
    [TestCase("isEmpty([])", true)]
    [TestCase("isEmpty(emptyObject)", true)]
    [TestCase("isEmpty(' ')", false)]
    [TestCase("isEmpty([null])", false)]
    [TestCase("isEmpty(o)", false)]
    [TestCase("isEmpty(0)", false)]
    [TestCase("isEmpty(false)", false)]
    public void IsEmpty(string source, bool expected) =>
        Eval(source, "{ o: { a: 1 }, emptyObject: {} }").Should().Be(Value.Bool(expected));

    [TestCase("contains(['a', 'b'], 'b')", true)]
    [TestCase("contains(['a', 'b'], 'c')", false)]
    [TestCase("contains([1, 2], 2.00)", true)]
    [TestCase("contains([[1]], [1])", true)]
    [TestCase("contains('采购申请', '采购')", true)]
    [TestCase("contains('采购申请', '报销')", false)]
    [TestCase("contains('abc', missing)", false)]
    [TestCase("contains(missing, 'a')", false)]
    public void Contains(string source, bool expected) =>
        Eval(source).Should().Be(Value.Bool(expected));

    [Test]
    public void Contains_type_errors()
    {
        EvalError("contains(5, 1)").Should().Contain("函数 contains 的第 1 个参数应为列表或字符串，实际为数字 5");
        EvalError("contains('a1', 1)").Should().Contain("函数 contains 的第 2 个参数应为字符串");
    }

    [TestCase("startsWith('京财办〔2024〕1号', '京财')", true)]
    [TestCase("startsWith('abc', 'b')", false)]
    [TestCase("startsWith('abc', '')", true)]
    [TestCase("startsWith(missing, 'a')", false)]
    [TestCase("endsWith('报告.pdf', '.pdf')", true)]
    [TestCase("endsWith('报告.pdf', '.PDF')", false)]
    [TestCase("endsWith(missing, 'a')", false)]
    public void StartsWith_and_endsWith(string source, bool expected) =>
        Eval(source).Should().Be(Value.Bool(expected));

    [Test]
    public void StartsWith_and_endsWith_type_errors()
    {
        EvalError("startsWith(1, 'a')").Should().Contain("函数 startsWith 的第 1 个参数应为字符串");
        EvalError("endsWith('a', null)").Should().Contain("函数 endsWith 的第 2 个参数应为字符串");
    }

    [Test]
    public void Coalesce_returns_the_first_non_null_and_stops_there()
    {
        Eval("coalesce(a, b, 3)", "{ b: 2 }").Should().Be(Value.Number(2));
        Eval("coalesce(a, b)").Should().Be(Value.Null);
        Eval("coalesce(false, true)").Should().Be(Value.False);
        Eval("coalesce(amount, 0) + 1").Should().Be(Value.Number(1));
        Eval("coalesce(1, 1 / 0)").Should().Be(Value.Number(1));
        Eval("coalesce(1, 2, 3, 4, 5, 6)").Should().Be(Value.Number(1));
    }

    [TestCase("abs(-3.5)", 3.5)]
    [TestCase("abs(2)", 2)]
    [TestCase("abs(0)", 0)]
    [TestCase("round(2.5, 0)", 3)]
    [TestCase("round(-2.5, 0)", -3)]
    [TestCase("round(1.005, 2)", 1.01)]
    [TestCase("round(1234.5678, 10)", 1234.5678)]
    [TestCase("round(2.4, 0)", 2)]
    public void Abs_and_round(string source, decimal expected) =>
        Eval(source).Should().Be(Value.Number(expected));

    [Test]
    public void Abs_and_round_pass_null_through() =>
        Eval("[abs(x), round(x, 2)]").Should().Be(Json("[null, null]"));

    [Test]
    public void Abs_and_round_errors()
    {
        EvalError("abs('1')").Should().Contain("函数 abs 的第 1 个参数应为数字");
        EvalError("round(1.5, 11)").Should().Contain("函数 round 的第 2 个参数应为整数（0 到 10），实际为数字 11");
        EvalError("round(1.5, -1)").Should().Contain("整数（0 到 10）");
        EvalError("round(1.5, 1.5)").Should().Contain("整数（0 到 10）");
        EvalError("round('1', 1)").Should().Contain("函数 round 的第 1 个参数应为数字");
    }

    [TestCase("min(3, 1, 2)", 1)]
    [TestCase("max(3, 1, 2)", 3)]
    [TestCase("min(-1.5)", -1.5)]
    [TestCase("max([4, 9, 2])", 9)]
    [TestCase("min([4, 9, 2])", 2)]
    [TestCase("max(null, 5, missing)", 5)]
    [TestCase("max([1, null, 3])", 3)]
    [TestCase("max(a, b)", 7)]
    public void Min_and_max(string source, decimal expected) =>
        Eval(source, "{ a: 7, b: -2 }").Should().Be(Value.Number(expected));

    [Test]
    public void Min_and_max_without_numbers_are_null()
    {
        Eval("max([])").Should().Be(Value.Null);
        Eval("min(missing)").Should().Be(Value.Null);
        Eval("max(null, null)").Should().Be(Value.Null);
    }

    [Test]
    public void Min_and_max_type_errors()
    {
        EvalError("max(1, 'a')").Should().Contain("函数 max 的第 2 个参数应为数字，实际为字符串 “a”");
        EvalError("min([1, true])").Should().Contain("函数 min 的列表第 2 项应为数字，实际为布尔值 true");
        EvalError("max([1], [2])").Should().Contain("函数 max 的第 1 个参数应为数字，实际为列表");
    }

    [TestCase("sum([1, 2, 3.5])", 6.5)]
    [TestCase("sum([])", 0)]
    [TestCase("sum(missing)", 0)]
    [TestCase("sum([1, null, 2])", 3)]
    [TestCase("sum(amounts)", 0.6)]
    public void Sum(string source, decimal expected) =>
        Eval(source, "{ amounts: [0.1, 0.2, 0.3] }").Should().Be(Value.Number(expected));

    [Test]
    public void Sum_errors()
    {
        EvalError("sum(5)").Should().Contain("函数 sum 的第 1 个参数应为列表，实际为数字 5");
        EvalError("sum([1, '2'])").Should().Contain("函数 sum 的列表第 2 项应为数字");
        EvalError("sum([79228162514264337593543950335, 1])").Should().Contain("计算结果超出数字范围");
    }

    [TestCase("count(['a', 'b', 'a'], 'a')", 2)]
    [TestCase("count([1, '1', 1.0], 1)", 2)]
    [TestCase("count([null, 1, null], null)", 2)]
    [TestCase("count([], 1)", 0)]
    [TestCase("count(missing, 1)", 0)]
    [TestCase("count(opinions, '同意')", 2)]
    public void Count(string source, decimal expected) =>
        Eval(source, "{ opinions: ['同意', '不同意', '同意'] }").Should().Be(Value.Number(expected));

    [Test]
    public void Count_of_a_non_list_is_an_error() =>
        EvalError("count('aaa', 'a')").Should().Contain("函数 count 的第 1 个参数应为列表");

    [TestCase("days('2024-01-01', '2024-01-31')", 30)]
    [TestCase("days('2024-02-28', '2024-03-01')", 2)]
    [TestCase("days('2024-03-01', '2024-02-28')", -2)]
    [TestCase("days('2024-05-06', '2024-05-06')", 0)]
    [TestCase("days('2024-05-06T23:59:59', '2024-05-07T00:00:01')", 1)]
    [TestCase("days('2024-05-06T08:00', '2024-05-06 20:30:00.123')", 0)]
    [TestCase("days('2024-05-06T23:00:00+08:00', '2024-05-08T01:00:00Z')", 2)]
    [TestCase("days(submittedAt, '2024-06-01')", 3)]
    public void Days(string source, decimal expected) =>
        Eval(source, "{ submittedAt: '2024-05-29' }").Should().Be(Value.Number(expected));

    [Test]
    public void Days_accepts_dates_from_json() =>
        Eval("days(a, b)", "{ a: '2024-01-01T10:00:00', b: '2024-01-05T09:00:00' }").Should().Be(Value.Number(4));

    [Test]
    public void Days_with_a_missing_date_is_null()
    {
        Eval("days(missing, '2024-01-01')").Should().Be(Value.Null);
        Eval("days(missing, '2024-01-01') > 20").Should().Be(Value.False);
    }

    [TestCase("days('2024-13-01', '2024-01-01')", "函数 days 的第 1 个参数 “2024-13-01” 不是有效日期")]
    [TestCase("days('2024-01-01', '2024/01/02')", "函数 days 的第 2 个参数 “2024/01/02” 不是有效日期")]
    [TestCase("days('2024-02-30', '2024-03-01')", "不是有效日期")]
    [TestCase("days('yesterday', '2024-03-01')", "不是有效日期")]
    [TestCase("days(20240101, '2024-03-01')", "函数 days 的第 1 个参数应为日期字符串，实际为数字 20240101")]
    public void Days_with_bad_dates_is_an_error(string source, string message) =>
        EvalError(source).Should().Contain(message);

    [Test]
    public void Evaluation_errors_in_functions_carry_the_column_of_the_function_name() =>
        EvalError("ok and len(5) > 1", "{ ok: true }").Should().StartWith("第 8 列：函数 len");
}
