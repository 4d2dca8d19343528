using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;
using static WorkflowEngine.Tests.Support.People;

namespace WorkflowEngine.Tests.Risk;

/// <summary>Materials required only under a condition (<c>requiredWhen</c>): the gate and the outlook apply the same rule.</summary>
public class ConditionalMaterialsTests
{
    private const string Fields = """
        { "id": "centralAc", "label": "使用集中空调", "type": "boolean" },
        { "id": "materials", "label": "材料", "type": "materials", "items": [
            { "id": "form", "name": "申请书" },
            { "id": "hvac", "name": "集中空调检测报告", "requiredWhen": "centralAc == true" } ] },
        { "id": "missing", "label": "需补正", "type": "list" }
        """;

    private static CaseDriver Case(bool centralAc) => InlineFlow.Drive(InlineFlow.OneStep(Fields, """
        { "risk": "①", "check": "materials-complete", "actions": ["go"], "params": { "field": "materials" } },
        { "risk": "①", "check": "correction-lists-all-missing", "actions": ["other"], "params": { "materials": "materials", "notice": "missing" } }
        """), new { centralAc });

    [Test]
    public void A_conditional_material_is_required_only_while_its_condition_holds()
    {
        Case(centralAc: false).TryAct("a", "go", InlineFlow.Clerk, new { materials = new[] { "form" } }).Should().BeOfType<Applied>();

        var c = Case(centralAc: true);
        c.Refused(c.TryAct("a", "go", InlineFlow.Clerk, new { materials = new[] { "form" } })).Message.Should().EndWith("以下必备材料尚未核对齐全：集中空调检测报告。");
        c.TryAct("a", "go", InlineFlow.Clerk, new { materials = new[] { "form", "hvac" } }).Should().BeOfType<Applied>();
    }

    [Test]
    public void A_correction_notice_must_list_a_conditional_material_only_when_it_is_required()
    {
        var c = Case(centralAc: true);
        c.Refused(c.TryAct("a", "other", InlineFlow.Clerk, new { materials = new string[0], missing = new[] { "申请书" } }))
            .Message.Should().EndWith("尚未列入：集中空调检测报告。");
        Case(centralAc: false).TryAct("a", "other", InlineFlow.Clerk, new { materials = new string[0], missing = new[] { "申请书" } })
            .Should().BeOfType<Applied>();
    }

    [Test]
    public void The_outlook_shows_which_materials_are_required_now()
    {
        var c = Case(centralAc: true);
        var materials = c.Runtime.Describe(c.Definition, c.State, InlineFlow.Clerk, c.Now).Materials!;
        materials.Select(m => (m.Id, m.RequiredNow, m.Checked, m.RequiredWhen)).Should().Equal(
            ("form", true, false, null), ("hvac", true, false, "centralAc == true"));
        var d = Case(centralAc: false);
        d.Runtime.Describe(d.Definition, d.State, InlineFlow.Clerk, d.Now).Materials!.Single(m => m.Id == "hvac").RequiredNow.Should().BeFalse();
    }

    [Test]
    public void Mistakes_in_a_conditional_material_are_reported()
    {
        var options = RiskCheckRegistry.CreateDefault().LoadOptions();
        IReadOnlyList<string> Errors(string item) => DefinitionLoader.Load($$"""
            { "id": "x", "version": 1, "name": "测试", "roles": [ { "id": "clerk", "name": "窗口" } ],
              "fields": [ { "id": "materials", "label": "材料", "type": "materials", "items": [ {{item}} ] } ], "start": "end",
              "steps": [ { "id": "end", "kind": "end", "name": "办结", "outcome": "completed" } ] }
            """, options).Errors.Select(e => e.Message).ToList();
        Errors("""{ "id": "a", "name": "甲", "requiredWhen": "nofield == true" }""").Should().Contain("条件“nofield == true”引用了未定义的字段“nofield”。");
        Errors("""{ "id": "a", "name": "甲", "required": true, "requiredWhen": "true" }""")
            .Should().Contain("“required”与“requiredWhen”只能写一项：写了条件的材料只在条件成立时必备。");
        Errors("""{ "id": "a", "name": "甲", "requiredWhen": "1 +" }""").Should().Contain(m => m.StartsWith("条件“1 +”有误"));
    }

    [Test]
    public void A_public_place_using_central_air_conditioning_must_bring_its_report_before_acceptance()
    {
        var flow = Repo.Flow("public-place-hygiene-licensing");
        var basic = new[] { "application", "identity", "site-plans", "hygiene-report", "hygiene-rules" };
        var c = new CaseDriver(flow, CaseDriver.At("2026-03-02T10:00+08:00"))
            .Start(new { applicant = "某宾馆", contact = "1", premisesName = "某宾馆", premisesItems = new[] { "某宾馆" }, usesCentralAc = true }, Clerk);
        c.Refused(c.TryAct("intake", "accept", Clerk, new { materials = basic })).CheckName.Should().Be("materials-complete");
        c.Act("intake", "accept", Clerk, new { materials = basic.Append("hvac-report").ToArray() });

        new CaseDriver(flow, CaseDriver.At("2026-03-02T10:00+08:00"))
            .Start(new { applicant = "某商店", contact = "1", premisesName = "某商店", premisesItems = new[] { "某商店" }, usesCentralAc = false }, Clerk)
            .Act("intake", "accept", Clerk, new { materials = basic }).OpenSteps.Should().Equal("undertake");
    }
}
