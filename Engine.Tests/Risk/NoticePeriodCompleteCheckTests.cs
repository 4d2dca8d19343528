using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Risk;

public class NoticePeriodCompleteCheckTests
{
    private static CaseDriver Case() => InlineFlow.Drive(InlineFlow.Load("", """
        { "id": "a", "kind": "task", "name": "拟定", "role": "clerk", "timeLimit": { "duration": "2wd" },
          "actions": [ { "id": "go", "name": "公示", "to": "notice" }, { "id": "skip", "name": "跳过公示", "to": "final" } ] },
        { "id": "notice", "kind": "wait", "name": "公示", "period": "7d", "next": "final",
          "actions": [ { "id": "object", "name": "异议", "role": "clerk", "to": "final" } ] },
        { "id": "final", "kind": "task", "name": "批准", "role": "head", "timeLimit": { "duration": "2wd" }, "risks": ["①"],
          "actions": [ { "id": "grant", "name": "批准", "to": "end" } ],
          "checks": [ { "risk": "①", "check": "notice-period-complete", "params": { "step": "notice" } } ] }
        """));

    [Test]
    public void A_notice_that_ran_its_full_seven_days_allows_the_final_step()
    {
        var c = Case().Act("a", "go", InlineFlow.Clerk).AdvanceTo("2026-03-10T00:00+08:00");
        c.OpenSteps.Should().Equal("final");
        c.TryAct("final", "grant", InlineFlow.Head).Should().BeOfType<Applied>();
    }

    [Test]
    public void An_objection_cut_the_notice_short_so_the_final_step_is_blocked()
    {
        var c = Case().Act("a", "go", InlineFlow.Clerk).Act("notice", "object", InlineFlow.Clerk, opinion: "有异议");
        c.Refused(c.TryAct("final", "grant", InlineFlow.Head)).Message.Should().EndWith("“公示”期间有异议，须重新公示期满后方可办理。");
    }

    [Test]
    public void Skipping_the_notice_is_blocked()
    {
        var c = Case().Act("a", "skip", InlineFlow.Clerk);
        c.Refused(c.TryAct("final", "grant", InlineFlow.Head)).Message.Should().EndWith("本案未经过“公示”。");
    }
}
