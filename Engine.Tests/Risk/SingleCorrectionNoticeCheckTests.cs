using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Risk;

public class SingleCorrectionNoticeCheckTests
{
    private static CaseDriver Case(string parameters = "") => InlineFlow.Drive(InlineFlow.Load("", $$"""
        { "id": "a", "kind": "task", "name": "受理", "role": "clerk", "timeLimit": { "duration": "2wd" }, "risks": ["①"],
          "actions": [ { "id": "notice", "name": "补正告知", "to": "b" }, { "id": "go", "name": "受理", "to": "end" } ],
          "checks": [ { "risk": "①", "check": "single-correction-notice", "actions": ["notice"], "mode": "flag" {{parameters}} } ] },
        { "id": "b", "kind": "task", "name": "补正", "role": "clerk", "timeLimit": { "duration": "2wd" },
          "actions": [ { "id": "back", "name": "已补正", "to": "a" }, { "id": "notice2", "name": "审查中补正告知", "to": "a" } ] }
        """));

    [Test]
    public void The_first_notice_passes_and_the_second_is_written_to_the_ledger()
    {
        var c = Case().Act("a", "notice", InlineFlow.Clerk).Act("b", "back", InlineFlow.Clerk);
        c.Ledger.Should().BeEmpty();

        c.Act("a", "notice", InlineFlow.Clerk2);
        var risk = c.Ledger.Should().ContainSingle().Subject;
        risk.Message.Should().Be("本案已发出过 1 次补正告知，再次告知违反一次性告知制度。");
        risk.ActorName.Should().Be(InlineFlow.Clerk2.Name);
        c.OpenSteps.Should().Equal(["b"], "a flagged check lets the action pass");
    }

    [Test]
    public void Named_actions_are_all_counted_as_notices()
    {
        var c = Case(""", "params": { "actions": ["notice", "notice2"] }""").Act("a", "notice", InlineFlow.Clerk).Act("b", "notice2", InlineFlow.Clerk);
        c.Act("a", "notice", InlineFlow.Clerk);
        c.Ledger.Should().ContainSingle().Which.Message.Should().Contain("2 次");
    }
}
