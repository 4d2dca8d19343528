using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Definitions.Validation;

namespace WorkflowEngine.Engine.Risk.Checks;

/// <summary>Every required item of a materials checklist has been ticked as checked (材料审查).</summary>
public sealed class MaterialsCompleteCheck : IRiskCheck
{
    public string Name => "materials-complete";
    public string Description => "必备申请材料已全部核对";
    public string Title => "材料齐全";
    public IReadOnlyList<RiskCheckParameter> Parameters { get; } =
    [
        new("field", "材料清单字段", RiskCheckParameterType.Field, true, "materials"),
    ];

    public object? ParseParameters(RiskCheckSetup setup) => setup.Field("field", FieldType.Materials);

    public RiskCheckResult Evaluate(RiskCheckContext context, object? parameters)
    {
        var field = (FieldDefinition)parameters!;
        var missing = MaterialsValue.Unchecked(field, context.Field(field.Id), context.ExpressionScope);
        return missing.Count == 0
            ? RiskCheckResult.Pass
            : RiskCheckResult.Fail($"以下必备材料尚未核对齐全：{string.Join("、", missing.Select(m => m.Name))}。");
    }
}
