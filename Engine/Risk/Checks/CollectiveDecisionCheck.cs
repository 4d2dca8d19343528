using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Definitions.Validation;
using WorkflowEngine.Engine.Expressions;


namespace WorkflowEngine.Engine.Risk.Checks;

/// <summary>
/// An amount above the threshold has passed the named collective vote (三重一大 集体决策). With <c>inclusive</c>
/// the threshold itself needs the vote: “3万元以上” includes 30,000 (以上包括本数, 民法典第一千二百五十九条).
/// </summary>
public sealed class CollectiveDecisionCheck : IRiskCheck
{
    public string Name => "collective-decision";
    public string Description => "超过限额的金额须经集体研究决定";
    public string Title => "集体决策";
    IReadOnlyList<RiskCheckParameter> IRiskCheck.Parameters => ParameterList;

    private static readonly RiskCheckParameter[] ParameterList =
    [
        new("amount", "金额字段", RiskCheckParameterType.Field, true, "number"),
        new("threshold", "限额", RiskCheckParameterType.NumberOrConstant, true, Hint: "数字，或流程常量名"),
        new("vote", "集体研究环节", RiskCheckParameterType.Step, true, "vote"),
    ];

    private sealed record Parameters(FieldDefinition Amount, decimal Threshold, bool Inclusive, VoteStep Vote);

    public object? ParseParameters(RiskCheckSetup setup)
    {
        var amount = setup.Field("amount", FieldType.Number);
        var threshold = ReadThreshold(setup);
        var inclusive = setup.Boolean("inclusive");
        var vote = setup.StepRef("vote", StepKind.Vote) as VoteStep;
        return amount is null || threshold is null || vote is null ? null : new Parameters(amount, threshold.Value, inclusive, vote);
    }

    /// <summary>A number, or the name of one of the definition's constants.</summary>
    private static decimal? ReadThreshold(RiskCheckSetup setup)
    {
        if (setup.Parameters["threshold"]?.Type == Newtonsoft.Json.Linq.JTokenType.String)
        {
            var name = setup.String("threshold")!;
            if (setup.Definition.Constants.TryGetValue(name, out var v) && v.Kind == ValueKind.Number) return v.AsNumber;
            setup.Error("threshold", $"常量“{name}”未在“constants”中定义为数字。");
            return null;
        }
        return setup.Number("threshold");
    }

    public RiskCheckResult Evaluate(RiskCheckContext context, object? parameters)
    {
        var p = (Parameters)parameters!;
        var amount = context.Field(p.Amount.Id);
        if (amount.Kind != ValueKind.Number) return RiskCheckResult.Pass;
        var needsVote = p.Inclusive ? amount.AsNumber >= p.Threshold : amount.AsNumber > p.Threshold;
        if (!needsVote) return RiskCheckResult.Pass;
        var passed = context.Completions(p.Vote.Id).LastOrDefault()?.ActionId == VoteResults.Passed;
        if (passed) return RiskCheckResult.Pass;
        var over = p.Inclusive ? $"达到 {p.Threshold:0.##} 元以上" : $"超过 {p.Threshold:0.##} 元";
        return RiskCheckResult.Fail($"金额 {amount.AsNumber:0.##} 元{over}，须经“{p.Vote.Name}”集体研究通过。");
    }
}
