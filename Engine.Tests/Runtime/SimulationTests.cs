using System.Collections.Immutable;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Calendar;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Runtime;

/// <summary>Simulating a definition on a simulated clock, in memory, through the pure runtime.</summary>
public class SimulationTests
{
    /// <summary>A 2027 notice as a process owner would load it (test data: 春节 02-05…02-13 off, Saturday 02-20 worked).</summary>
    public const string Notice2027 = """
        {
          "year": 2027, "source": "测试用 2027 年节假日安排",
          "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" }, { "name": "春节", "from": "2027-02-05", "to": "2027-02-13" } ],
          "workdays": [ "2027-02-20" ]
        }
        """;

    private static readonly FlowDefinition Flow = InlineFlow.Load("""{ "id": "ok", "label": "已核对", "type": "boolean" }""", """
        { "id": "a", "kind": "task", "name": "受理", "role": "clerk", "timeLimit": { "duration": "1wd" }, "risks": ["①"],
          "actions": [ { "id": "go", "name": "受理", "to": "b" } ] },
        { "id": "b", "kind": "task", "name": "审查", "role": "head", "timeLimit": { "duration": "5wd" }, "risks": ["②"],
          "actions": [ { "id": "ok", "name": "同意", "to": "end" } ],
          "checks": [ { "risk": "②", "check": "condition", "params": { "expression": "ok == true", "message": "材料未核对" } } ] }
        """);

    private static WorkflowRuntime Runtime(bool with2027) =>
        new(new RuntimeEnvironment(
            WorkCalendar.Create(with2027 ? [.. CalendarFixtures.Official, CalendarYearFile.Parse(Notice2027, "2027.json")] : CalendarFixtures.Official),
            RiskCheckRegistry.CreateDefault(), InlineFlow.Roster));

    private static readonly SimulatedActor Clerk = new("clerk", null);
    private static readonly SimulatedActor Head = new("head", null);

    private static SimulatedMove Move(string step, string action, SimulatedActor actor, TimeSpan advance = default, object? data = null) =>
        new(step, action, CaseDriver.Data(data), null, actor, advance);

    [Test]
    public void A_step_across_the_2027_Spring_Festival_ends_on_the_loaded_notices_working_day()
    {
        var result = new Simulation(Runtime(with2027: true), Flow).Run(CaseDriver.At("2027-02-02T10:00+08:00"), CaseDriver.Data(new { }), Clerk,
            [Move("a", "go", Clerk, TimeSpan.FromDays(1))]);

        // Entered Wednesday 02-03: 02-04 is the first working day, 02-05…02-14 are off, then 02-15…02-18.
        var review = result.Deadlines.Single(d => d.StepName == "审查");
        review.LastDay.Should().Be(new DateOnly(2027, 2, 18));
        review.Provisional.Should().BeFalse();
        result.Path.Select(p => p.StepId).Should().Equal("a", "b");
        result.Path[0].ExitedAt.Should().Be(CaseDriver.At("2027-02-03T10:00+08:00"));
        result.Path[1].Risks.Should().ContainSingle().Which.Text.Should().Be("风险二");
        result.Path[1].Blocks.Should().ContainSingle().Which.Reason.Should().Contain("材料未核对");
    }

    [Test]
    public void Without_the_notice_the_same_step_is_counted_provisionally_from_the_statutory_days()
    {
        var result = new Simulation(Runtime(with2027: false), Flow).Run(CaseDriver.At("2027-02-02T10:00+08:00"), CaseDriver.Data(new { }), Clerk,
            [Move("a", "go", Clerk, TimeSpan.FromDays(1))]);

        var review = result.Deadlines.Single(d => d.StepName == "审查");
        review.LastDay.Should().Be(new DateOnly(2027, 2, 12));
        review.Provisional.Should().BeTrue();
    }

    [Test]
    public void Refusals_are_reported_in_Chinese_and_the_simulation_goes_on()
    {
        var result = new Simulation(Runtime(with2027: true), Flow).Run(CaseDriver.At("2027-03-01T10:00+08:00"), CaseDriver.Data(new { }), Clerk,
        [
            Move("b", "ok", Head),
            Move("a", "go", Head),
            Move("a", "go", Clerk),
            Move("b", "ok", Head),
            Move("b", "ok", Head, data: new { ok = true }),
        ]);

        result.Refusals.Select(r => r.Move).Should().Equal(1, 2, 4);
        result.Refusals[0].Reason.Should().Contain("案件此时不在环节“审查”");
        result.Refusals[1].Code.Should().Be(RefusalCode.WrongRole);
        result.Refusals[2].Reason.Should().Contain("材料未核对");
        result.Status.Should().Be(CaseStatus.Closed);
    }

    [Test]
    public void Time_passing_fires_the_due_timers_as_the_scheduler_would()
    {
        var result = new Simulation(Runtime(with2027: true), Flow).Run(CaseDriver.At("2027-03-01T10:00+08:00"), CaseDriver.Data(new { }), Clerk,
            [new SimulatedMove(null, null, ImmutableDictionary<string, Value>.Empty, null, Clerk, TimeSpan.FromDays(3))]);

        result.History.Should().Contain(e => e.Type == EventTypes.AlertRaised && e.Summary.StartsWith("红牌"));
        result.EndedAt.Should().Be(CaseDriver.At("2027-03-04T10:00+08:00"));
    }
}
