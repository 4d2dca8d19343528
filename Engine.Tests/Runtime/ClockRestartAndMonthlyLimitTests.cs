using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Runtime;

public class ClockRestartAndMonthlyLimitTests
{
    private static FlowDefinition Flow(string statutory, string restart) => InlineFlow.Load("", $$"""
        { "id": "a", "kind": "task", "name": "受理", "role": "clerk", "timeLimit": { "duration": "1wd" },
          "actions": [ { "id": "notice", "name": "补正通知", "to": "b" }, { "id": "done", "name": "答复", "to": "end" } ] },
        { "id": "b", "kind": "task", "name": "补正", "role": "clerk", "clock": { "effect": "pause", "reason": "补正" },
          "actions": [ { "id": "corrected", "name": "收到补正的申请", "to": "a"{{restart}} } ] }
        """, $$""" "limits": { "statutory": { "duration": "{{statutory}}" } }, """);

    [Test]
    public void Corrected_materials_restart_the_period_from_the_day_they_arrive()
    {
        var c = InlineFlow.Drive(Flow("20wd", ", \"restartsClock\": true"))
            .SetTime("2026-03-10T10:00+08:00").Act("a", "notice", InlineFlow.Clerk)
            .SetTime("2026-03-16T10:00+08:00").Act("b", "corrected", InlineFlow.Clerk);

        var restarted = c.Deadline(LimitKind.Statutory);
        restarted.DueAt.Should().Be(Repo.Calendar.Add(CaseDriver.At("2026-03-16T10:00+08:00"), Period.Parse("20wd")).DueAt);
        restarted.PausedDays.Should().Be(0, "time before the restart no longer counts, so neither do its pauses");
        c.History.Should().Contain(e => e.Type == EventTypes.ClockRestarted && e.Summary.Contains("2026-03-16"));

        var paused = InlineFlow.Drive(Flow("20wd", ""))
            .SetTime("2026-03-10T10:00+08:00").Act("a", "notice", InlineFlow.Clerk)
            .SetTime("2026-03-16T10:00+08:00").Act("b", "corrected", InlineFlow.Clerk);
        paused.Deadline(LimitKind.Statutory).DueAt.Should().BeBefore(restarted.DueAt, "without a restart only the pause is added back");
    }

    [Test]
    public void A_month_limit_is_moved_by_the_calendar_days_paused_and_warns_by_days_used()
    {
        var c = InlineFlow.Drive(Flow("1mo", ""));
        c.Deadline(LimitKind.Statutory).DueAt.Should().Be(CaseDriver.At("2026-04-03T00:00+08:00"), "03-02 + 1 month = 04-02, ending at 24:00");
        c.Deadline(LimitKind.Statutory).WarnAt.Should().Be(CaseDriver.At("2026-03-30T00:00+08:00"), "90% of 31 days is 27 days: 24:00 of 03-29");

        c.SetTime("2026-03-10T10:00+08:00").Act("a", "notice", InlineFlow.Clerk)
            .SetTime("2026-03-15T10:00+08:00").Act("b", "corrected", InlineFlow.Clerk);

        var moved = c.Deadline(LimitKind.Statutory);
        moved.PausedDays.Should().Be(5);
        moved.DueAt.Should().Be(CaseDriver.At("2026-04-08T00:00+08:00"), "03-07 + 1 month = 04-07");
    }
}
