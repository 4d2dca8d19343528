using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Runtime;

/// <summary>Batch cases (一次申请、多个事项): each item decided on its own at a decide point, results as case data.</summary>
public class BatchCaseTests
{
    private const string Fields = """
        { "id": "premises", "label": "申请许可的场所", "type": "list", "required": true },
        { "id": "note", "label": "备注", "type": "text" }
        """;

    private const string Steps = """
        { "id": "a", "kind": "task", "name": "受理", "role": "clerk", "actions": [ { "id": "go", "name": "受理", "to": "b" } ] },
        { "id": "b", "kind": "task", "name": "决定", "role": "head",
          "actions": [ { "id": "decide", "name": "逐项作出决定", "to": "route", "opinion": "required" }, { "id": "return", "name": "退回", "to": "a" } ] },
        { "id": "route", "kind": "decision", "name": "有无准予", "routes": [ { "when": "batch.granted > 0", "to": "c" } ], "otherwise": "end" },
        { "id": "c", "kind": "task", "name": "发证", "role": "clerk", "actions": [ { "id": "deliver", "name": "发证", "to": "end" } ] }
        """;

    private const string Batch = """ "batch": { "itemsField": "premises", "label": "场所", "decideAt": [ { "step": "b", "action": "decide" } ] }, """;

    private static CaseDriver Started() =>
        InlineFlow.Drive(InlineFlow.Load(Fields, Steps, Batch), new { premises = new[] { "甲宾馆", "乙浴室", "丙影院" } }).Act("a", "go", InlineFlow.Clerk);

    private static CommandResult Decide(CaseDriver c, params ItemDecision[] items) =>
        c.Try(new TakeAction(c.Task("b").TaskId, "decide", CaseDriver.Data(null), "经审查逐项决定", items), InlineFlow.Head);

    private static readonly ItemDecision[] TwoGrantedOneDenied =
        [new("1", "grant", null), new("2", "grant", "符合条件"), new("3", "deny", "卫生设施不符合《公共场所卫生管理条例实施细则》第二十二条")];

    [Test]
    public void Each_item_is_decided_on_its_own_and_the_results_are_case_data_that_conditions_read()
    {
        var c = Started();
        Decide(c, TwoGrantedOneDenied).Should().BeOfType<Applied>();

        var batch = c.State.Data["batch"].AsObject;
        (batch["total"].AsNumber, batch["granted"].AsNumber, batch["denied"].AsNumber, batch["open"].AsNumber, batch["outcome"].AsString)
            .Should().Be((3m, 2m, 1m, 0m, "mixed"));
        var third = BatchLedger.Items(c.Definition, c.State.Data)[2];
        third.Should().BeEquivalentTo(new BatchItem("3", "丙影院", "deny", "卫生设施不符合《公共场所卫生管理条例实施细则》第二十二条", "h1", "主任", "b",
            c.State.Trail.Last().TaskId, c.Now));
        c.OpenSteps.Should().Equal(["c"], "batch.granted > 0 routed to the licence");
        c.History.Should().Contain(e => e.Type == EventTypes.ItemsDecided
            && e.Summary == "逐项作出决定：场所1（甲宾馆）准予；场所2（乙浴室）准予：符合条件；场所3（丙影院）不予：卫生设施不符合《公共场所卫生管理条例实施细则》第二十二条"
            && e.Data.ContainsKey("batch"));
        c.History.Single(e => e.Type == EventTypes.ActionTaken && e.ActionId == "decide").Data.Should().ContainKey("batch");
    }

    [Test]
    public void One_decision_document_is_issued_per_item_each_with_its_own_sequence()
    {
        var c = Started();
        Decide(c, TwoGrantedOneDenied);
        c.State.Documents.Select(d => (d.Kind, d.Sequence, d.ItemKey)).Should().BeEquivalentTo(new[]
        {
            (DocumentKind.GrantDecision, 1, "1"), (DocumentKind.GrantDecision, 2, "2"), (DocumentKind.DenialDecision, 1, "3"),
        });
        c.Act("c", "deliver", InlineFlow.Clerk);
        (c.State.IsClosed, c.State.Data["batch"].AsObject["outcome"].AsString).Should().Be((true, "mixed"));
    }

    [Test]
    public void All_denied_is_the_denied_outcome_and_routes_past_the_licence()
    {
        var c = Started();
        Decide(c, new("1", "deny", "不符合"), new("2", "deny", "不符合"), new("3", "deny", "不符合")).Should().BeOfType<Applied>();
        (c.State.IsClosed, c.State.Data["batch"].AsObject["outcome"].AsString).Should().Be((true, "denied"));
        c.State.Documents.Should().OnlyContain(d => d.Kind == DocumentKind.DenialDecision).And.HaveCount(3);
    }

    [TestCase("1:grant,2:grant", "办理“逐项作出决定”须对每个场所逐项作出决定（准予或不予），尚未决定：场所3（丙影院）。")]
    [TestCase("", "办理“逐项作出决定”须对每个场所逐项作出决定（准予或不予），尚未决定：场所1（甲宾馆）、场所2（乙浴室）、场所3（丙影院）。")]
    [TestCase("1:grant,2:grant,3:deny", "不予决定须写明理由和依据：场所3（丙影院）。")]
    [TestCase("1:grant,1:deny:x,2:grant,3:grant", "场所“1”重复决定：每个场所只能决定一次。")]
    [TestCase("1:grant,2:grant,4:grant", "没有编号为“4”的场所，可选：1（甲宾馆）、2（乙浴室）、3（丙影院）。")]
    [TestCase("1:grant,2:maybe,3:grant", "场所2（乙浴室）的决定“maybe”无效：应为 grant（准予）或 deny（不予）。")]
    public void A_wrong_set_of_decisions_is_refused_with_the_reason_and_changes_nothing(string given, string reason)
    {
        var c = Started();
        var before = c.State;
        var items = given.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(':'))
            .Select(p => new ItemDecision(p[0], p[1], p.Length > 2 ? p[2] : null)).ToArray();
        c.Refused(Decide(c, items)).Message.Should().Be(reason);
        c.State.Should().BeSameAs(before);
    }

    [Test]
    public void Decisions_are_refused_on_an_action_that_decides_no_items_and_the_list_is_fixed_once_decided()
    {
        var c = Started();
        c.Refused(c.Try(new TakeAction(c.Task("b").TaskId, "return", CaseDriver.Data(null), "退回", [new("1", "grant", null)]), InlineFlow.Head))
            .Message.Should().Be("“退回”不逐项作出决定，请勿提交逐项决定（items）。");
        c.Act("b", "return", InlineFlow.Head, new { premises = new[] { "甲宾馆", "乙浴室" } }, "减少一处");
        c.State.Data["batch"].AsObject["total"].AsNumber.Should().Be(2, "before any decision the list may still change");
        c.Act("a", "go", InlineFlow.Clerk);
        Decide(c, new("1", "grant", null), new("2", "grant", null));
        c.Refused(c.TryAct("c", "deliver", InlineFlow.Clerk, new { premises = new[] { "甲宾馆" } }))
            .Message.Should().Be("已有场所作出决定，不能再修改场所清单（字段“申请许可的场所”）。");
    }

    [Test]
    public void The_outlook_lists_the_items_and_what_the_decide_action_needs()
    {
        var c = Started();
        var outlook = c.Runtime.Describe(c.Definition, c.State, InlineFlow.Head, c.Now);
        outlook.Batch!.Items.Select(i => (i.Key, i.Title, i.Decision)).Should().Equal(("1", "甲宾馆", null), ("2", "乙浴室", null), ("3", "丙影院", null));
        (outlook.Batch.Open, outlook.Batch.Outcome, outlook.Batch.Label).Should().Be((3, null, "场所"));
        var actions = outlook.Tasks.Single().Actions;
        actions.Single(a => a.Id == "decide").ItemsToDecide.Should().Equal("1", "2", "3");
        actions.Single(a => a.Id == "return").ItemsToDecide.Should().BeNull();

        Decide(c, TwoGrantedOneDenied);
        outlook = c.Runtime.Describe(c.Definition, c.State, InlineFlow.Head, c.Now);
        outlook.Batch!.Items[2].Should().Match<Engine.Outlook.BatchItemOutlook>(i => i.Decision == "deny" && i.StepName == "决定" && i.DecidedByName == "主任");
        (outlook.Batch.Granted, outlook.Batch.Denied, outlook.Batch.Outcome).Should().Be((2, 1, "mixed"));
    }

    [Test]
    public void A_confidential_items_field_hides_the_results_from_those_who_may_not_read_it()
    {
        var definition = InlineFlow.Load(Fields.Replace("\"required\": true }", "\"required\": true, \"confidential\": { \"visibleTo\": [\"head\"] } }"), Steps, Batch);
        var c = InlineFlow.Drive(definition, new { premises = new[] { "甲宾馆" } });
        var clerkView = new Engine.Audit.CaseDisclosure(definition, InlineFlow.Clerk2, supervises: false);
        clerkView.Data(c.State.Data)["batch"].AsString.Should().Be(Engine.Audit.CaseDisclosure.Redacted);
        clerkView.Outlook(c.Runtime.Describe(definition, c.State, InlineFlow.Clerk2, c.Now), c.State).Batch.Should().BeNull();
        var headView = new Engine.Audit.CaseDisclosure(definition, InlineFlow.Head, supervises: false);
        headView.Outlook(c.Runtime.Describe(definition, c.State, InlineFlow.Head, c.Now), c.State).Batch!.Items.Should().ContainSingle();
    }

    [Test]
    public void Mistakes_in_a_batch_are_reported_in_Chinese()
    {
        var options = RiskCheckRegistry.CreateDefault().LoadOptions();
        IReadOnlyList<string> Errors(string batch, string extraField = "", string stepExtra = "") => DefinitionLoader.Load($$"""
            { "id": "x", "version": 1, "name": "测试", "roles": [ { "id": "clerk", "name": "窗口" } ],
              "fields": [ { "id": "title", "label": "标题", "type": "text" }, { "id": "items", "label": "事项", "type": "list" } {{extraField}} ],
              "batch": {{batch}}, "start": "a",
              "steps": [ { "id": "a", "kind": "task", "name": "决定", "role": "clerk", {{stepExtra}}
                           "actions": [ { "id": "go", "name": "决定", "to": "end", "issues": "grant-decision" }, { "id": "ok", "name": "决定", "to": "end" } ] },
                         { "id": "end", "kind": "end", "name": "办结", "outcome": "completed" } ] }
            """, options).Errors.Select(e => e.Message).ToList();
        Errors("""{ "itemsField": "items", "decideAt": [ { "step": "a", "action": "ok" } ] }""").Should().BeEmpty();
        Errors("""{ "itemsField": "title", "label": "场所", "decideAt": [ { "step": "a", "action": "ok" } ] }""")
            .Should().Equal("事项清单字段“title”须为“fields”中定义的列表字段（list），每项写一个场所的名称。");
        Errors("""{ "itemsField": "items", "decideAt": [ { "step": "end", "action": "ok" } ] }""").Should().Equal("逐项决定的环节“end”须为办理环节（kind 为 task）。");
        Errors("""{ "itemsField": "items", "decideAt": [ { "step": "a", "action": "nope" } ] }""").Should().Equal("环节“a”没有动作“nope”。");
        Errors("""{ "itemsField": "items", "decideAt": [ { "step": "a", "action": "go" } ] }""")
            .Should().Equal("逐项决定的动作“go”按每个事项出具准予或不予决定书，请删除“issues”。");
        Errors("""{ "itemsField": "items", "decideAt": [ { "step": "a", "action": "ok" } ] }""", stepExtra: "\"signMode\": \"all\",")
            .Should().Equal("逐项决定的环节“a”不能会签（\"signMode\": \"all\"）：每个事项由一人逐项决定。");
        Errors("""{ "itemsField": "items", "decideAt": [] }""").Should().Equal("“decideAt”不能为空数组。");
        Errors("""{ "itemsField": "items", "decideAt": [ { "step": "a", "action": "ok" } ] }""", """, { "id": "batch", "label": "x", "type": "text" }""")
            .Should().Equal("字段编号“batch”留给逐项决定的结果（batch），请改用其他编号。");
    }
}
