using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Runtime;

public class ParallelTests
{
    private static CaseDriver Case(string mode) => InlineFlow.Drive(InlineFlow.Load("", $$"""
        { "id": "a", "kind": "parallel", "name": "会签", "branches": ["legal", "finance"], "join": "j" },
        { "id": "legal", "kind": "task", "name": "法规科会签", "role": "clerk", "timeLimit": { "duration": "2wd" },
          "actions": [ { "id": "ok", "name": "同意", "to": "j" } ] },
        { "id": "finance", "kind": "task", "name": "财务科会签", "role": "clerk", "timeLimit": { "duration": "2wd" },
          "actions": [ { "id": "ok", "name": "同意", "to": "finance2" } ] },
        { "id": "finance2", "kind": "task", "name": "财务复核", "role": "clerk", "timeLimit": { "duration": "2wd" },
          "actions": [ { "id": "ok", "name": "同意", "to": "j" } ] },
        { "id": "j", "kind": "join", "name": "汇总会签意见", "mode": "{{mode}}", "next": "sign" },
        { "id": "sign", "kind": "task", "name": "签发", "role": "head", "timeLimit": { "duration": "2wd" },
          "actions": [ { "id": "ok", "name": "签发", "to": "end" } ] }
        """));

    [Test]
    public void Join_all_waits_for_every_branch()
    {
        var c = Case("all");
        c.OpenSteps.Should().BeEquivalentTo("legal", "finance");
        c.Act("legal", "ok", InlineFlow.Clerk);
        c.OpenSteps.Should().Equal("finance");
        c.Act("finance", "ok", InlineFlow.Clerk).Act("finance2", "ok", InlineFlow.Clerk2);
        c.OpenSteps.Should().Equal("sign");
        c.State.JoinArrivals.Should().BeEmpty();
    }

    [Test]
    public void Join_any_continues_at_the_first_branch_and_cancels_the_others()
    {
        var c = Case("any").Act("finance", "ok", InlineFlow.Clerk);
        c.OpenSteps.Should().BeEquivalentTo("legal", "finance2");
        c.Act("legal", "ok", InlineFlow.Clerk);

        c.OpenSteps.Should().Equal("sign");
        c.History.Should().Contain(e => e.Type == EventTypes.StepCancelled && e.StepId == "finance2");
    }
}
