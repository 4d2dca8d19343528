using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Risk;

public class WithinTimeLimitCheckTests
{
    private static CaseDriver Case() => InlineFlow.Drive(InlineFlow.OneStep("",
        """{ "risk": "①", "check": "within-time-limit", "mode": "flag" }"""), start: "2026-02-13T10:00+08:00");

    [Test]
    public void Finishing_by_24_00_of_the_last_working_day_is_on_time()
    {
        var c = Case().SetTime("2026-02-24T23:59+08:00");
        c.Act("a", "go", InlineFlow.Clerk);
        c.Ledger.Should().BeEmpty("2 working days from Friday 02-13: the make-up Saturday 02-14 and 02-24 after 春节");
    }

    [Test]
    public void Finishing_later_is_flagged_with_the_due_time()
    {
        var c = Case().SetTime("2026-02-25T00:01+08:00");
        c.Act("a", "go", InlineFlow.Clerk);
        c.Ledger.Should().ContainSingle().Which.Message.Should().Be("“受理”超过办理时限 2个工作日（应于 2026-02-25 00:00 前办结）。");
    }

    [Test]
    public void A_step_without_a_time_limit_cannot_carry_the_check()
    {
        var result = Engine.Definitions.DefinitionLoader.Load("""
            { "id": "x", "version": 1, "name": "x", "roles": [ { "id": "r", "name": "r" } ], "riskPoints": [ { "id": "①", "level": 1, "text": "t" } ],
              "start": "a", "steps": [
                { "id": "a", "kind": "task", "name": "受理", "role": "r", "risks": ["①"], "actions": [ { "id": "go", "name": "go", "to": "e" } ],
                  "checks": [ { "risk": "①", "check": "within-time-limit" } ] },
                { "id": "e", "kind": "end", "name": "e", "outcome": "completed" } ] }
            """, RiskCheckRegistry.CreateDefault().LoadOptions());
        result.Errors.Should().ContainSingle().Which.Message.Should().Contain("没有“timeLimit”");
    }
}
