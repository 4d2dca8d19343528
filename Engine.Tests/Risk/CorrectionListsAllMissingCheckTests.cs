using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Risk;

public class CorrectionListsAllMissingCheckTests
{
    private const string Fields = """
        { "id": "m", "label": "材料", "type": "materials", "items": [
          { "id": "form", "name": "申请表", "required": true }, { "id": "id", "name": "身份证明", "required": true },
          { "id": "plan", "name": "平面图", "required": true } ] },
        { "id": "notice", "label": "补正清单", "type": "list" }
        """;

    private static CaseDriver Case() => InlineFlow.Drive(InlineFlow.OneStep(Fields,
        """{ "risk": "①", "check": "correction-lists-all-missing", "actions": ["go"], "params": { "materials": "m", "notice": "notice" } }"""));

    [Test]
    public void Passes_when_the_notice_lists_every_unticked_required_item_by_id_or_name()
    {
        Case().TryAct("a", "go", InlineFlow.Clerk, new { m = new[] { "form" }, notice = new[] { "id", "平面图" } }).Should().BeOfType<Applied>();
    }

    [Test]
    public void Blocks_a_notice_that_leaves_an_item_out()
    {
        var c = Case();
        c.Refused(c.TryAct("a", "go", InlineFlow.Clerk, new { m = new[] { "form" }, notice = new[] { "id" } })).Message
            .Should().EndWith("补正告知书须一次性列明全部缺少的材料，尚未列入：平面图。");
    }

    [Test]
    public void Blocks_an_empty_notice()
    {
        var c = Case();
        c.Refused(c.TryAct("a", "go", InlineFlow.Clerk, new { m = new[] { "form", "id", "plan" } })).Message.Should().EndWith("补正告知书未列出任何需补正的材料。");
    }
}
