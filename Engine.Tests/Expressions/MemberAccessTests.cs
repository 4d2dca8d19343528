using WorkflowEngine.Engine.Expressions;
using static WorkflowEngine.Tests.Expressions.ExpressionTestHelper;

namespace WorkflowEngine.Tests.Expressions;

public class MemberAccessTests
{
    private const string Case = "{ applicant: { name: '张三', dept: { code: 'HR' } }, empty: null, 申请金额: 50000, _x1: 1 }";

    [Test]
    public void Fields_and_members()
    {
        Eval("applicant.name", Case).Should().Be(Value.String("张三"));
        Eval("applicant.dept.code", Case).Should().Be(Value.String("HR"));
        Eval("applicant", Case).Should().Be(Json("{ name: '张三', dept: { code: 'HR' } }"));
        Eval("申请金额 > 30000", Case).Should().Be(Value.True);
        Eval("_x1", Case).Should().Be(Value.Number(1));
    }

    [Test]
    public void Missing_field_and_missing_member_are_null()
    {
        Eval("nothing", Case).Should().Be(Value.Null);
        Eval("applicant.age", Case).Should().Be(Value.Null);
        Eval("applicant.age > 18", Case).Should().Be(Value.False);
    }

    [Test]
    public void Field_names_are_case_sensitive() =>
        Eval("Applicant", Case).Should().Be(Value.Null);

    [Test]
    public void Member_of_null_is_an_error_that_suggests_null_safe_access()
    {
        EvalError("empty.name", Case)
            .Should().Be("第 6 列：“empty” 为 null，无法读取其成员 “name”；如果它可能为空，请改用 “empty?.name”");
        EvalError("applicant.age.years > 1", Case)
            .Should().Contain("“applicant.age” 为 null").And.Contain("“applicant.age?.years”");
    }

    [Test]
    public void Null_safe_member_access()
    {
        Eval("empty?.name", Case).Should().Be(Value.Null);
        Eval("nothing?.a?.b", Case).Should().Be(Value.Null);
        Eval("applicant?.name", Case).Should().Be(Value.String("张三"));
        Eval("empty?.name == '张三'", Case).Should().Be(Value.False);
    }

    [Test]
    public void Null_safe_access_protects_only_its_own_step() =>
        EvalError("empty?.a.b", Case).Should().Contain("“empty?.a” 为 null").And.Contain("“empty?.a?.b”");

    [Test]
    public void Member_of_a_non_object_is_an_error()
    {
        EvalError("applicant.name.length", Case)
            .Should().Be("第 15 列：只有对象才能读取成员，“applicant.name” 是字符串 “张三”，无法读取 “length”");
        EvalError("申请金额?.x", Case).Should().Contain("是数字 50000");
        EvalError("[1, 2].x").Should().Contain("“[1, 2]” 是列表");
    }

    [Test]
    public void Members_of_call_results_and_parenthesized_expressions()
    {
        Eval("coalesce(empty, applicant).dept.code", Case).Should().Be(Value.String("HR"));
        Eval("(applicant).name", Case).Should().Be(Value.String("张三"));
    }
}
