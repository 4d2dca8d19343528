using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Risk;

public class MinimumParticipantsCheckTests
{
    private static CaseDriver Case() => InlineFlow.Drive(InlineFlow.OneStep("""{ "id": "officers", "label": "执法人员", "type": "list" }""",
        """{ "risk": "②", "check": "min-participants", "params": { "field": "officers", "min": 2 } }"""));

    [Test]
    public void Two_distinct_names_pass()
    {
        Case().TryAct("a", "go", InlineFlow.Clerk, new { officers = new[] { "张三", "李四" } }).Should().BeOfType<Applied>();
    }

    [Test]
    public void One_name_twice_or_blank_names_do_not_count()
    {
        var c = Case();
        var refused = c.Refused(c.TryAct("a", "go", InlineFlow.Clerk, new { officers = new[] { "张三", "张三", " " } }));
        refused.Message.Should().Be("风险点②（一级风险）：“执法人员”须不少于 2 人，当前登记 1 人。");
        refused.RiskPointId.Should().Be("②");
    }
}
