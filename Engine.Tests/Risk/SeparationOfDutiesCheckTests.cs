using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Risk;

public class SeparationOfDutiesCheckTests
{
    private static CaseDriver Case() => InlineFlow.Drive(InlineFlow.Load("", """
        { "id": "a", "kind": "task", "name": "受理", "role": "clerk", "timeLimit": { "duration": "2wd" },
          "actions": [ { "id": "go", "name": "受理", "to": "b" } ] },
        { "id": "b", "kind": "task", "name": "审批", "role": "clerk", "timeLimit": { "duration": "2wd" }, "risks": ["①"],
          "actions": [ { "id": "grant", "name": "批准", "to": "end" } ],
          "checks": [ { "risk": "①", "check": "separation-of-duties", "params": { "steps": ["a"] } } ] }
        """));

    [Test]
    public void Another_person_may_approve()
    {
        Case().Act("a", "go", InlineFlow.Clerk).TryAct("b", "grant", InlineFlow.Clerk2).Should().BeOfType<Applied>();
    }

    [Test]
    public void The_person_who_accepted_may_not_approve()
    {
        var c = Case().Act("a", "go", InlineFlow.Clerk);
        c.Refused(c.TryAct("b", "grant", InlineFlow.Clerk)).Message.Should().Be("风险点①（二级风险）：窗口甲 已办理本案“受理”环节，不得再办理“审批”。");
    }
}
