using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Runtime;

/// <summary>Time outside the agency (补正, a third party's comment): the case clock pauses and the party's own limit runs.</summary>
public class OutsideLimitTests
{
    private static CaseDriver Case() => InlineFlow.Drive(InlineFlow.Load("", """
        { "id": "a", "kind": "task", "name": "审查", "role": "clerk", "timeLimit": { "duration": "5wd" },
          "actions": [ { "id": "ask", "name": "通知补正", "to": "fix" }, { "id": "done", "name": "办结", "to": "end" } ] },
        { "id": "fix", "kind": "task", "name": "申请人补正", "role": "clerk",
          "clock": { "effect": "pause", "reason": "等待申请人补正", "outside": { "party": "申请人", "duration": "3wd", "basis": "补正期限" } },
          "actions": [ { "id": "fixed", "name": "已补正", "to": "a" }, { "id": "lapse", "name": "视为撤回", "to": "end", "systemOnly": true } ],
          "onTimeout": { "action": "lapse", "label": "逾期未补正，视为撤回申请" } }
        """, """ "limits": { "statutory": { "duration": "20wd", "basis": "测试" } }, """));

    [Test]
    public void The_party_limit_is_its_own_deadline_not_an_agency_card_and_the_case_clock_is_paused()
    {
        var c = Case().Act("a", "ask", InlineFlow.Clerk);
        var deadlines = c.Runtime.Describe(c.Definition, c.State, InlineFlow.Clerk, c.Now).Deadlines;
        var outside = deadlines.Single(d => d.Kind == LimitKind.Outside);
        (outside.Party, outside.StepName, outside.LastDay, outside.Basis).Should().Be(("申请人", "申请人补正", new DateOnly(2026, 3, 5), "补正期限"));
        deadlines.Single(d => d.Kind == LimitKind.Statutory).Paused.Should().BeTrue();
        c.Timers.Should().NotContain(t => t.Limit == LimitKind.Outside || (t.TaskId == c.Task("fix").TaskId && t.Kind != TimerKind.Timeout));
    }

    [Test]
    public void When_the_party_limit_runs_out_the_rule_moves_the_case_on()
    {
        var c = Case().Act("a", "ask", InlineFlow.Clerk);
        c.AdvanceTo("2026-03-05T23:59+08:00");
        c.OpenSteps.Should().Equal("fix");
        c.AdvanceTo("2026-03-06T00:00+08:00");
        c.State.EndStepId.Should().Be("end");
        c.History.Should().Contain(e => e.Type == EventTypes.DeemedOutcome && e.Summary.Contains("逾期未补正，视为撤回申请"));
        c.History.Should().NotContain(e => e.Type == EventTypes.AlertRaised);
    }

    [Test]
    public void Time_spent_by_the_party_does_not_count_against_the_agency()
    {
        var c = Case().Act("a", "ask", InlineFlow.Clerk);
        c.SetTime("2026-03-05T10:00+08:00").Act("fix", "fixed", InlineFlow.Clerk);
        c.Deadline(LimitKind.Statutory).PausedDays.Should().Be(3, "03-03 … 03-05 were the applicant's");
    }
}
