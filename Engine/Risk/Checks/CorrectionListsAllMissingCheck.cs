using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Definitions.Validation;

namespace WorkflowEngine.Engine.Risk.Checks;

/// <summary>A correction notice (一次性告知) lists every required material that is missing, all at once.</summary>
public sealed class CorrectionListsAllMissingCheck : IRiskCheck
{
    public string Name => "correction-lists-all-missing";
    public string Description => "补正告知一次性列明全部缺少的材料";
    public string Title => "一次性告知补正";
    IReadOnlyList<RiskCheckParameter> IRiskCheck.Parameters => ParameterList;

    private static readonly RiskCheckParameter[] ParameterList =
    [
        new("materials", "材料清单字段", RiskCheckParameterType.Field, true, "materials"),
        new("notice", "补正告知字段", RiskCheckParameterType.Field, true, "list"),
    ];

    private sealed record Parameters(FieldDefinition Materials, FieldDefinition Notice);

    public object? ParseParameters(RiskCheckSetup setup)
    {
        var materials = setup.Field("materials", FieldType.Materials);
        var notice = setup.Field("notice", FieldType.List);
        return materials is null || notice is null ? null : new Parameters(materials, notice);
    }

    public RiskCheckResult Evaluate(RiskCheckContext context, object? parameters)
    {
        var p = (Parameters)parameters!;
        var notice = context.Field(p.Notice.Id);
        if (notice.Kind != Expressions.ValueKind.List || notice.AsList.Length == 0)
            return RiskCheckResult.Fail("补正告知书未列出任何需补正的材料。");
        var notListed = MaterialsValue.Unchecked(p.Materials, context.Field(p.Materials.Id), context.ExpressionScope)
            .Where(item => !MaterialsValue.Mentions(notice, item))
            .ToList();
        return notListed.Count == 0
            ? RiskCheckResult.Pass
            : RiskCheckResult.Fail($"补正告知书须一次性列明全部缺少的材料，尚未列入：{string.Join("、", notListed.Select(m => m.Name))}。");
    }
}
