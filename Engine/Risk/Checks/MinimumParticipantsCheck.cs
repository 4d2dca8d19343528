using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Definitions.Validation;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Risk.Checks;

/// <summary>At least N people took part (现场核查 by ≥2 officers, 专家评审 by ≥2 experts).</summary>
public sealed class MinimumParticipantsCheck : IRiskCheck
{
    public string Name => "min-participants";
    public string Description => "参加人员不少于规定人数";
    public string Title => "参加人数";
    IReadOnlyList<RiskCheckParameter> IRiskCheck.Parameters => ParameterList;

    private static readonly RiskCheckParameter[] ParameterList =
    [
        new("field", "参加人员字段", RiskCheckParameterType.Field, true, "list"),
        new("min", "最少人数", RiskCheckParameterType.Number, true),
    ];

    private sealed record Parameters(FieldDefinition Field, int Minimum);

    public object? ParseParameters(RiskCheckSetup setup)
    {
        var field = setup.Field("field", FieldType.List);
        var min = setup.Number("min");
        if (min is not null && (min < 1 || !decimal.IsInteger(min.Value))) setup.Error("min", "参数“min”应为正整数。");
        return field is null || min is null ? null : new Parameters(field, (int)min.Value);
    }

    public RiskCheckResult Evaluate(RiskCheckContext context, object? parameters)
    {
        var p = (Parameters)parameters!;
        var value = context.Field(p.Field.Id);
        var count = value.Kind == ValueKind.List
            ? value.AsList.Where(v => v.Kind == ValueKind.String && !string.IsNullOrWhiteSpace(v.AsString)).Distinct().Count()
            : 0;
        return count >= p.Minimum
            ? RiskCheckResult.Pass
            : RiskCheckResult.Fail($"“{p.Field.Label}”须不少于 {p.Minimum} 人，当前登记 {count} 人。");
    }
}
