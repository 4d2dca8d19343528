using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Runtime;

/// <summary>Case-level limits (法定 / 承诺时限) fixed to a calendar date, counted by the same rule as a step's fixed date.</summary>
public class CaseDateLimitTests
{
    private static CaseDriver Case(string statutory, string start, object? data = null) => InlineFlow.Drive(InlineFlow.Load(
        """{ "id": "dueOn", "label": "报送截止日期", "type": "date" }""", """
        { "id": "a", "kind": "task", "name": "上报", "role": "clerk", "actions": [ { "id": "go", "name": "已上报", "to": "end" } ] }
        """, $$""" "limits": { "statutory": {{statutory}} }, """), data, start);

    private static DeadlineOutlook CaseDeadline(CaseDriver c) =>
        c.Runtime.Describe(c.Definition, c.State, InlineFlow.Clerk, c.Now).Deadlines.Single(d => d.Kind == LimitKind.Statutory);

    [Test]
    public void A_year_end_case_limit_started_in_December_is_due_that_year_and_started_after_it_the_next()
    {
        var december = CaseDeadline(Case("""{ "until": "12-31", "basis": "年度报送" }""", "2026-12-05T10:00+08:00"));
        (december.LastDay, december.PeriodText, december.Period).Should().Be((new DateOnly(2026, 12, 31), "每年12月31日前", "until:2026-12-31"));
        december.Basis.Should().Be("年度报送");
        CaseDeadline(Case("""{ "until": "12-31" }""", "2026-12-31T16:00+08:00")).LastDay.Should().Be(new DateOnly(2026, 12, 31),
            "the day itself is still ahead");
        CaseDeadline(Case("""{ "until": "12-31" }""", "2027-01-01T09:00+08:00")).LastDay.Should().Be(new DateOnly(2027, 12, 31));
    }

    [Test]
    public void A_case_limit_from_a_date_field_whose_day_has_passed_goes_red_and_raises_the_card_once()
    {
        var c = Case("""{ "untilField": "dueOn" }""", "2026-03-02T10:00+08:00", new { dueOn = "2026-03-13" });
        var d = CaseDeadline(c);
        (d.LastDay, d.PeriodText, d.Level).Should().Be((new DateOnly(2026, 3, 13), "“报送截止日期”所载日期前", DeadlineLevel.Normal));
        c.Timers.Select(t => (t.Kind, t.Limit)).Should().Contain([(TimerKind.Warning, LimitKind.Statutory), (TimerKind.Overdue, LimitKind.Statutory)]);
        c.AdvanceTo("2026-03-13T10:00+08:00");
        CaseDeadline(c).Level.Should().Be(DeadlineLevel.Yellow, "9 of the 10 working days are used, as for a step's date");
        c.AdvanceTo("2026-03-16T10:00+08:00");
        CaseDeadline(c).Level.Should().Be(DeadlineLevel.Red);
        c.Alerts.Select(a => (a.Level, a.Limit)).Should().Equal((DeadlineLevel.Yellow, LimitKind.Statutory), (DeadlineLevel.Red, LimitKind.Statutory));
        c.History.Where(e => e.Type == EventTypes.AlertRaised).Last().Summary.Should().Be("红牌：法定时限已于 2026-03-14 00:00 届满，已超期");
        c.History.First(e => e.Type == EventTypes.ClockStarted).Summary.Should().Contain("法定时限 “报送截止日期”所载日期前");
    }

    [Test]
    public void A_case_limit_from_an_empty_date_field_has_no_deadline_yet()
    {
        var c = Case("""{ "untilField": "dueOn" }""", "2026-03-02T10:00+08:00");
        c.Runtime.Describe(c.Definition, c.State, InlineFlow.Clerk, c.Now).Deadlines.Should().BeEmpty();
        c.Timers.Should().BeEmpty();
    }

    [Test]
    public void Mistakes_in_a_case_date_limit_are_reported()
    {
        var options = RiskCheckRegistry.CreateDefault().LoadOptions();
        IReadOnlyList<string> Errors(string limits) => DefinitionLoader.Load($$"""
            { "id": "x", "version": 1, "name": "测试", "roles": [ { "id": "clerk", "name": "窗口" } ],
              "fields": [ { "id": "title", "label": "标题", "type": "text" } ], "limits": {{limits}}, "start": "a",
              "steps": [ { "id": "a", "kind": "task", "name": "上报", "role": "clerk", "actions": [ { "id": "go", "name": "上报", "to": "end" } ] },
                         { "id": "end", "kind": "end", "name": "办结", "outcome": "completed" } ] }
            """, options).Errors.Select(e => e.Message).ToList();
        Errors("""{ "statutory": { "until": "13-01" } }""").Should().Equal("“until”的值“13-01”无效：应为每年的月日，格式 MM-dd，如 \"08-31\"。");
        Errors("""{ "promised": { "until": "12-31", "duration": "5wd" } }""").Should().Equal("时限的“duration”“until”“untilField”只能写一项。");
        Errors("""{ "statutory": { "basis": "x" } }""").Should().Equal("时限须写明“duration”（期间）、“until”（每年的截止月日）或“untilField”（截止日期字段）之一。");
        Errors("""{ "statutory": { "untilField": "title" } }""").Should().Equal("截止日期字段“title”须为“fields”中定义的日期字段（date）。");
        Errors("""{ "statutory": { "until": "12-31" }, "extension": { "max": "10wd", "approverRole": "clerk" } }""")
            .Should().Equal("法定时限是固定日期（期日），不能延期：请删除“extension”或改用期间（duration）。");
    }
}
