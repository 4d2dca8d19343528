using System.Collections.Immutable;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Definitions.Validation;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Calendar;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Runtime;

public class RuntimeBehaviourTests
{
    [Test]
    public void A_deemed_outcome_is_never_refused_its_blocking_checks_are_recorded_instead()
    {
        var definition = InlineFlow.Load("""{ "id": "ok", "label": "已核对", "type": "boolean" }""", """
            { "id": "a", "kind": "task", "name": "受理", "role": "clerk", "timeLimit": { "duration": "1wd" }, "risks": ["①"],
              "actions": [ { "id": "deem", "name": "视为受理", "to": "end", "systemOnly": true } ],
              "onTimeout": { "action": "deem", "label": "视为受理" },
              "checks": [ { "risk": "①", "check": "condition", "params": { "expression": "ok == true", "message": "材料未核对" } } ] }
            """);
        var c = InlineFlow.Drive(definition).AdvanceTo("2026-03-05T00:00+08:00");

        c.State.IsClosed.Should().BeTrue();
        c.Ledger.Should().ContainSingle().Which.Should().Match<RiskEvent>(r => r.Message == "材料未核对" && r.ActorId == "system");
    }

    [Test]
    public void An_entry_check_that_blocks_refuses_the_action_that_leads_into_the_step()
    {
        var definition = InlineFlow.Load("""{ "id": "n", "label": "数量", "type": "number" }""", """
            { "id": "a", "kind": "task", "name": "申请", "role": "clerk", "timeLimit": { "duration": "1wd" },
              "actions": [ { "id": "go", "name": "提交", "to": "b" } ] },
            { "id": "b", "kind": "task", "name": "审批", "role": "head", "timeLimit": { "duration": "1wd" }, "risks": ["②"],
              "actions": [ { "id": "ok", "name": "同意", "to": "end" } ],
              "checks": [ { "risk": "②", "check": "condition", "on": "enter", "params": { "expression": "n > 0", "message": "数量须大于 0" } } ] }
            """);
        var c = InlineFlow.Drive(definition);
        var refused = c.Refused(c.TryAct("a", "go", InlineFlow.Clerk, new { n = 0 }));
        refused.RiskPointId.Should().Be("②");
        c.OpenSteps.Should().Equal("a");
        c.Act("a", "go", InlineFlow.Clerk, new { n = 3 }).OpenSteps.Should().Equal("b");
    }

    private sealed class WeekdayOnlyCheck : IRiskCheck
    {
        public string Name => "weekday-only";
        public string Description => "只在工作日办理";
        public object? ParseParameters(RiskCheckSetup setup) => null;

        public RiskCheckResult Evaluate(RiskCheckContext context, object? parameters) =>
            context.Calendar.IsWorkingDay(WorkCalendar.LocalDate(context.Now)) ? RiskCheckResult.Pass : RiskCheckResult.Fail("非工作日不得办理");
    }

    [Test]
    public void A_custom_check_plugs_in_by_name()
    {
        var registry = RiskCheckRegistry.CreateDefault();
        registry.Register(new WeekdayOnlyCheck());
        var definition = InlineFlow.Load("", """
            { "id": "a", "kind": "task", "name": "受理", "role": "clerk", "timeLimit": { "duration": "1wd" }, "risks": ["①"],
              "actions": [ { "id": "go", "name": "受理", "to": "end" } ],
              "checks": [ { "risk": "①", "check": "weekday-only" } ] }
            """, checks: registry);
        var runtime = new WorkflowRuntime(new RuntimeEnvironment(Repo.Calendar, registry, InlineFlow.Roster));
        var saturday = CaseDriver.At("2026-03-07T10:00+08:00");
        var started = (Applied)runtime.Execute(definition, null, new StartCase("c", ImmutableDictionary<string, Value>.Empty), InlineFlow.Clerk, saturday);

        var result = runtime.Execute(definition, started.State, new TakeAction(started.State.Active[0].TaskId, "go", ImmutableDictionary<string, Value>.Empty, null), InlineFlow.Clerk, saturday);
        result.Should().BeOfType<Refused>().Which.Message.Should().EndWith("非工作日不得办理");
        registry.Invoking(r => r.Register(new WeekdayOnlyCheck())).Should().Throw<InvalidOperationException>();
    }

    [Test]
    public void An_hour_limit_runs_from_the_moment_regardless_of_holidays()
    {
        var definition = InlineFlow.OneStep("", "", timeLimit: "\"timeLimit\": { \"duration\": \"2h\" },");
        var c = InlineFlow.Drive(definition, start: "2026-10-01T23:30+08:00");
        c.Timers.Should().Contain(t => t.Key == TimerKeys.StepLimit(c.Task("a").TaskId, DeadlineLevel.Red)
            && t.FireAt == CaseDriver.At("2026-10-02T01:30+08:00") && !t.Provisional);
        c.Timers.Should().Contain(t => t.Kind == TimerKind.Warning && t.FireAt == CaseDriver.At("2026-10-02T00:30+08:00"),
            "a 2-hour limit warns when one hour (floor of 90%) is used");
    }

    [Test]
    public void A_deadline_in_an_unpublished_year_is_provisional_until_that_year_is_loaded()
    {
        var definition = InlineFlow.Load("", """
            { "id": "a", "kind": "task", "name": "审查", "role": "clerk", "timeLimit": { "duration": "10wd" },
              "actions": [ { "id": "go", "name": "办结", "to": "end" } ] }
            """, """ "limits": { "statutory": { "duration": "20wd" } }, """);
        var c = InlineFlow.Drive(definition, start: "2026-12-21T10:00+08:00");
        var due = c.Deadline(LimitKind.Statutory);
        due.Provisional.Should().BeTrue();
        due.DueAt.Should().Be(CaseDriver.At("2027-01-20T00:00+08:00"), "2027 computed with weekends and 元旦 only");

        var with2027 = CalendarFixtures.OfficialCalendar().WithYear(new CalendarYear(2027, "假设的2027年通知",
            [new Holiday("元旦", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 3)), new Holiday("测试", new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 12))], []));
        var recomputed = new WorkflowRuntime(new RuntimeEnvironment(with2027, RiskCheckRegistry.CreateDefault(), InlineFlow.Roster))
            .Deadlines(definition, c.State, c.Now).Single(d => d.Kind == LimitKind.Statutory);
        recomputed.Provisional.Should().BeFalse();
        recomputed.DueAt.Should().Be(CaseDriver.At("2027-01-22T00:00+08:00"), "two more days off in the published notice move it by two working days");
    }

    [Test]
    public void Routing_that_loops_between_decisions_is_refused_not_hung()
    {
        var definition = InlineFlow.Load("""{ "id": "n", "label": "n", "type": "number" }""", """
            { "id": "a", "kind": "task", "name": "提交", "role": "clerk", "timeLimit": { "duration": "1wd" },
              "actions": [ { "id": "go", "name": "提交", "to": "d1" } ] },
            { "id": "d1", "kind": "decision", "name": "判断一", "routes": [ { "when": "n > 0", "to": "d2" } ], "otherwise": "end" },
            { "id": "d2", "kind": "decision", "name": "判断二", "routes": [ { "when": "n > 0", "to": "d1" } ], "otherwise": "end" }
            """);
        var c = InlineFlow.Drive(definition);
        c.Refused(c.TryAct("a", "go", InlineFlow.Clerk, new { n = 1 })).Code.Should().Be(RefusalCode.ConditionFailed);
        c.OpenSteps.Should().Equal("a");
    }

    [Test]
    public void A_condition_that_cannot_be_evaluated_refuses_with_its_reason()
    {
        var definition = InlineFlow.Load("""{ "id": "n", "label": "n", "type": "number" }""", """
            { "id": "a", "kind": "task", "name": "提交", "role": "clerk", "timeLimit": { "duration": "1wd" },
              "actions": [ { "id": "go", "name": "提交", "to": "d" } ] },
            { "id": "d", "kind": "decision", "name": "判断", "routes": [ { "when": "100 / n > 1", "to": "end" } ], "otherwise": "end" }
            """);
        var c = InlineFlow.Drive(definition);
        var refused = c.Refused(c.TryAct("a", "go", InlineFlow.Clerk, new { n = 0 }));
        refused.Message.Should().StartWith("“判断”的条件“100 / n > 1”无法计算：");
    }

    [Test]
    public void The_same_commands_at_the_same_times_give_the_same_result()
    {
        static CaseDriver Run() => new CaseDriver(Repo.Flow("licensing-approval"), CaseDriver.At("2026-03-02T10:00+08:00"))
            .Start(new { applicant = "甲", contact = "1", item = "乙", kind = "承诺件" }, People.Clerk)
            .Act("intake", "accept", People.Clerk, new { materials = new[] { "application", "identity", "qualification", "premises" } })
            .AdvanceTo("2026-04-10T00:00+08:00");

        var first = Run();
        var second = Run();
        second.History.Select(e => (e.Type, e.At, e.Summary)).Should().Equal(first.History.Select(e => (e.Type, e.At, e.Summary)));
        second.Timers.Should().Equal(first.Timers);
        second.State.Version.Should().Be(first.State.Version);
    }
}
