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
}
