using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Runtime;

/// <summary>Step limits that end on a calendar date (“每年8月底前”, or a date from the case) rather than after a period.</summary>
public class FixedDateLimitTests
{
    private static CaseDriver Case(string timeLimit, string start, object? data = null) => InlineFlow.Drive(InlineFlow.Load(
        """{ "id": "dueOn", "label": "报送截止日期", "type": "date" }""", $$"""
        { "id": "a", "kind": "task", "name": "上报", "role": "clerk", "timeLimit": {{timeLimit}}, "risks": ["①"],
          "actions": [ { "id": "go", "name": "已上报", "to": "end" } ],
          "checks": [ { "risk": "①", "check": "within-time-limit", "mode": "flag" } ] }
        """), data, start);

    private static DeadlineOutlook StepDeadline(CaseDriver c) =>
        c.Runtime.Describe(c.Definition, c.State, InlineFlow.Clerk, c.Now).Deadlines.Single(d => d.Kind == LimitKind.Step);

    [Test]
    public void A_yearly_date_is_this_years_when_still_ahead_and_next_years_once_past()
    {
        var d = StepDeadline(Case("""{ "until": "08-31" }""", "2026-03-02T10:00+08:00"));
        (d.LastDay, d.PeriodText, d.Period).Should().Be((new DateOnly(2026, 8, 31), "每年8月31日前", "until:2026-08-31"));
        d.DueAt.Should().Be(CaseDriver.At("2026-09-01T00:00+08:00"));
        StepDeadline(Case("""{ "until": "08-31" }""", "2026-09-01T10:00+08:00")).LastDay.Should().Be(new DateOnly(2027, 8, 31));
        StepDeadline(Case("""{ "until": "08-31" }""", "2026-08-31T10:00+08:00")).LastDay.Should().Be(new DateOnly(2026, 8, 31), "the day itself still counts");
    }

    [Test]
    public void A_fixed_date_on_a_holiday_does_not_move()
    {
        StepDeadline(Case("""{ "until": "10-01" }""", "2026-09-01T10:00+08:00")).LastDay.Should().Be(new DateOnly(2026, 10, 1),
            "a date (期日) is not the end of a period and is not rolled over to the next working day");
    }

    [Test]
    public void A_date_from_a_field_applies_once_the_field_is_filled()
    {
        var c = Case("""{ "untilField": "dueOn" }""", "2026-03-02T10:00+08:00");
        c.Runtime.Describe(c.Definition, c.State, InlineFlow.Clerk, c.Now).Deadlines.Should().BeEmpty("no date yet");
        c = Case("""{ "untilField": "dueOn" }""", "2026-03-02T10:00+08:00", new { dueOn = "2026-03-13" });
        var d = StepDeadline(c);
        (d.LastDay, d.PeriodText).Should().Be((new DateOnly(2026, 3, 13), "“报送截止日期”所载日期前"));
    }

    [Test]
    public void A_fixed_date_turns_yellow_then_red_and_raises_the_cards()
    {
        var c = Case("""{ "untilField": "dueOn" }""", "2026-03-02T10:00+08:00", new { dueOn = "2026-03-13" });
        StepDeadline(c).Level.Should().Be(DeadlineLevel.Normal);
        c.AdvanceTo("2026-03-13T10:00+08:00");
        StepDeadline(c).Level.Should().Be(DeadlineLevel.Yellow, "9 of 10 working days are used");
        c.AdvanceTo("2026-03-14T00:00+08:00");
        StepDeadline(c).Level.Should().Be(DeadlineLevel.Red);
        c.History.Where(e => e.Type == EventTypes.AlertRaised).Select(e => e.Summary).Should().HaveCount(2);
        c.AdvanceTo("2026-03-16T10:00+08:00").Act("a", "go", InlineFlow.Clerk);
        c.Ledger.Should().ContainSingle().Which.Message.Should().Contain("超过办理时限 “报送截止日期”所载日期前");
    }

    [Test]
    public void Mistakes_in_a_date_limit_are_reported()
    {
        var options = RiskCheckRegistry.CreateDefault().LoadOptions();
        IReadOnlyList<string> Errors(string limit) => DefinitionLoader.Load($$"""
            { "id": "x", "version": 1, "name": "测试", "roles": [ { "id": "clerk", "name": "窗口" } ],
              "fields": [ { "id": "title", "label": "标题", "type": "text" } ], "start": "a",
              "steps": [ { "id": "a", "kind": "task", "name": "上报", "role": "clerk", "timeLimit": {{limit}},
                           "actions": [ { "id": "go", "name": "上报", "to": "end" } ] },
                         { "id": "end", "kind": "end", "name": "办结", "outcome": "completed" } ] }
            """, options).Errors.Select(e => e.Message).ToList();
        Errors("""{ "until": "8月31日" }""").Should().Equal("“until”的值“8月31日”无效：应为每年的月日，格式 MM-dd，如 \"08-31\"。");
        Errors("""{ "until": "08-31", "duration": "5wd" }""").Should().Equal("办理时限的“duration”“until”“untilField”只能写一项。");
        Errors("""{ "basis": "manual" }""").Should().Equal("办理时限须写明“duration”（期间）、“until”（每年的截止月日）或“untilField”（截止日期字段）之一。");
        Errors("""{ "untilField": "title" }""").Should().Equal("截止日期字段“title”须为“fields”中定义的日期字段（date）。");
    }

    [Test]
    public void The_healthy_township_pre_assessment_is_due_by_the_end_of_august()
    {
        var flow = Repo.Flow("healthy-township-creation");
        flow.Step("pre-assessment").TimeLimit!.Describe().Should().Be("每年8月31日前");
        Repo.Flow("civilized-hygienic-unit-creation").Step("province-recommendation").TimeLimit!.Describe().Should().Be("每年9月30日前");
    }
}
