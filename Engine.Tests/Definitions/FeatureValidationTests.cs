using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Validation;
using WorkflowEngine.Engine.Risk;

namespace WorkflowEngine.Tests.Definitions;

/// <summary>The loader's Chinese errors for the definition features added for legal fidelity.</summary>
public class FeatureValidationTests
{
    private static readonly DefinitionLoadOptions Options = RiskCheckRegistry.CreateDefault().LoadOptions();

    private static IReadOnlyList<DefinitionError> Errors(string fields, string steps, string extra = "") =>
        DefinitionLoader.Load($$"""
            {
              "id": "inline", "version": 1, "name": "测试流程",
              "roles": [ { "id": "clerk", "name": "窗口" }, { "id": "head", "name": "主任" } ],
              "fields": [ {{fields}} ],
              "riskPoints": [ { "id": "①", "level": 2, "text": "风险一" } ],
              {{extra}}
              "start": "a",
              "steps": [ {{steps}}, { "id": "end", "kind": "end", "name": "办结", "outcome": "completed" } ]
            }
            """, Options).Errors;

    [Test]
    public void An_inclusive_flag_that_is_not_a_boolean_is_reported()
    {
        var errors = Errors("""{ "id": "amount", "label": "金额", "type": "number" }""", """
            { "id": "a", "kind": "task", "name": "申请", "role": "clerk", "risks": ["①"],
              "actions": [ { "id": "meet", "name": "上会", "to": "vote" } ],
              "checks": [ { "risk": "①", "check": "collective-decision", "params": { "amount": "amount", "threshold": 30000, "inclusive": "是", "vote": "vote" } } ] },
            { "id": "vote", "kind": "vote", "name": "党组会", "members": "head", "recorder": "clerk", "outcomes": { "passed": "end", "rejected": "end" } }
            """);
        errors.Should().ContainSingle(e => e.Path == "steps[0].checks[0].params.inclusive")
            .Which.Message.Should().Be("检查“collective-decision”：参数“inclusive”应为 true 或 false。");
    }

    private static IReadOnlyList<DefinitionError> CandidateErrors(string voteExtra, string route = "'李明' in vote.passed") =>
        Errors("""{ "id": "names", "label": "名单", "type": "list" }, { "id": "title", "label": "职位", "type": "text" }""", $$"""
            { "id": "a", "kind": "task", "name": "提名", "role": "clerk", "actions": [ { "id": "go", "name": "推荐", "to": "vote" } ] },
            { "id": "vote", "kind": "vote", "name": "民主推荐", "members": "head", "recorder": "clerk",
              "outcomes": { "passed": "route", "rejected": "end" }{{voteExtra}} },
            { "id": "route", "kind": "decision", "name": "判断", "routes": [ { "when": "{{route}}", "to": "end" } ], "otherwise": "end" }
            """);

    [Test]
    public void A_vote_on_candidates_with_a_list_field_is_valid_and_its_results_may_be_read()
    {
        CandidateErrors(""", "candidates": { "field": "names", "writeIns": true, "maxChoices": 2 }""").Should().BeEmpty();
    }

    [Test]
    public void The_results_of_a_vote_without_candidates_cannot_be_read()
    {
        CandidateErrors("").Should().ContainSingle().Which.Message.Should().Be("条件“'李明' in vote.passed”引用了未定义的字段“vote”。");
    }

    [Test]
    public void Candidates_need_a_list_or_write_ins()
    {
        CandidateErrors(""", "candidates": { }""").Should().ContainSingle(e => e.Path == "steps[1].candidates")
            .Which.Message.Should().Be("候选人须来自名单字段（“field”）或允许当场提名（\"writeIns\": true），至少写明一项。");
    }

    [Test]
    public void The_candidate_list_must_be_a_list_field()
    {
        CandidateErrors(""", "candidates": { "field": "title" }""").Should().ContainSingle(e => e.Path == "steps[1].candidates.field")
            .Which.Message.Should().Be("候选人名单字段“title”的类型应为 list。");
    }

    [Test]
    public void A_vote_on_candidates_cannot_defer_on_the_margin()
    {
        CandidateErrors(""", "candidates": { "field": "names" }, "deferWhenMarginAtMost": 1""")
            .Should().ContainSingle(e => e.Path == "steps[1].deferWhenMarginAtMost")
            .Which.Message.Should().StartWith("按候选人逐人表决时不适用“deferWhenMarginAtMost”");
    }

    [Test]
    public void A_misspelt_candidates_property_is_reported()
    {
        CandidateErrors(""", "candidates": { "field": "names", "maxChoice": 2 }""").Should().ContainSingle()
            .Which.Message.Should().Be("未知属性“maxChoice”，是否应为“maxChoices”？");
    }

    [Test]
    public void An_outside_limit_needs_a_paused_step_a_party_and_a_duration()
    {
        var errors = Errors("", """
            { "id": "a", "kind": "task", "name": "补正", "role": "clerk",
              "clock": { "effect": "count", "outside": { "duration": "10wd" } },
              "actions": [ { "id": "go", "name": "已补正", "to": "end" } ] }
            """);
        errors.Select(e => (e.Path, e.Message)).Should().BeEquivalentTo([
            ("steps[0].clock.outside", "只有暂停计时的环节（\"effect\": \"pause\"）才能设置外部期限“outside”。"),
            ("steps[0].clock.outside.party", "缺少必填属性“party”。"),
        ]);
    }

    [Test]
    public void A_timeout_may_take_the_outside_limit_as_its_time()
    {
        Errors("", """
            { "id": "a", "kind": "task", "name": "补正", "role": "clerk",
              "clock": { "effect": "pause", "reason": "等待申请人补正", "outside": { "party": "申请人", "duration": "10wd" } },
              "actions": [ { "id": "go", "name": "已补正", "to": "end" }, { "id": "lapse", "name": "视为撤回", "to": "end", "systemOnly": true } ],
              "onTimeout": { "action": "lapse", "label": "逾期未补正，视为撤回" } }
            """).Should().BeEmpty();
    }
}
