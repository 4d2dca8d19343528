using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Risk;

public class ConditionCheckTests
{
    private static CaseDriver Case(string mode = "block") => InlineFlow.Drive(InlineFlow.OneStep(
        """{ "id": "shown", "label": "已出示证件", "type": "boolean" }, { "id": "n", "label": "人数", "type": "number" }""",
        $$"""{ "risk": "①", "check": "condition", "mode": "{{mode}}", "params": { "expression": "shown == true and n / 2 >= 1", "message": "执法人员须出示有效证件。" } }"""));

    [Test]
    public void Passes_when_the_condition_holds()
    {
        Case().TryAct("a", "go", InlineFlow.Clerk, new { shown = true, n = 2 }).Should().BeOfType<Applied>();
    }

    [Test]
    public void Blocks_with_the_definitions_message()
    {
        var c = Case();
        c.Refused(c.TryAct("a", "go", InlineFlow.Clerk, new { shown = false, n = 2 })).Message.Should().Be("风险点①（二级风险）：执法人员须出示有效证件。");
    }

    [Test]
    public void Flags_instead_when_so_bound_and_reports_an_evaluation_error()
    {
        var c = Case("flag").Act("a", "go", InlineFlow.Clerk, new { shown = true });
        c.Ledger.Should().ContainSingle().Which.Message.Should().StartWith("执法人员须出示有效证件。（条件无法计算：");
    }
}
