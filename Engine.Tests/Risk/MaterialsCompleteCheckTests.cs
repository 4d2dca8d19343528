using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Risk;

public class MaterialsCompleteCheckTests
{
    private const string Fields = """
        { "id": "m", "label": "材料", "type": "materials", "items": [
          { "id": "form", "name": "申请表", "required": true }, { "id": "id", "name": "身份证明", "required": true },
          { "id": "extra", "name": "补充说明", "required": false } ] }
        """;

    private static CaseDriver Case() => InlineFlow.Drive(InlineFlow.OneStep(Fields,
        """{ "risk": "①", "check": "materials-complete", "actions": ["go"], "params": { "field": "m" } }"""));

    [Test]
    public void Passes_when_every_required_item_is_ticked_optional_ones_may_be_missing()
    {
        var c = Case();
        c.TryAct("a", "go", InlineFlow.Clerk, new { m = new[] { "form", "id" } }).Should().BeOfType<Applied>();
    }

    [Test]
    public void Blocks_naming_each_missing_required_item()
    {
        var c = Case();
        c.Refused(c.TryAct("a", "go", InlineFlow.Clerk, new { m = new[] { "form", "extra" } })).Message
            .Should().Be("风险点①（二级风险）：以下必备材料尚未核对齐全：身份证明。");
    }

    [Test]
    public void Items_may_be_ticked_by_name_and_other_actions_are_not_checked()
    {
        Case().TryAct("a", "go", InlineFlow.Clerk, new { m = new[] { "申请表", "身份证明" } }).Should().BeOfType<Applied>();
        Case().TryAct("a", "other", InlineFlow.Clerk).Should().BeOfType<Applied>();
    }
}
