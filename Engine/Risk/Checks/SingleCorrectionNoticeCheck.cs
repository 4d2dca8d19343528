using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Definitions.Validation;

namespace WorkflowEngine.Engine.Risk.Checks;

/// <summary>
/// Only one correction notice per case (一次性告知): a second one is a risk event. By default it counts
/// earlier uses of the same action; the <c>actions</c> parameter widens that to several notice actions.
/// </summary>
public sealed class SingleCorrectionNoticeCheck : IRiskCheck
{
    public string Name => "single-correction-notice";
    public string Description => "同一案件只发一次补正告知";
    public string Title => "只补正一次";
    public IReadOnlyList<RiskCheckParameter> Parameters { get; } =
    [
        new("actions", "补正告知动作", RiskCheckParameterType.Actions, false, Hint: "不选则为本环节全部动作"),
    ];

    public object? ParseParameters(RiskCheckSetup setup)
    {
        if (setup.Parameters["actions"] is null) return Array.Empty<string>();
        if (setup.Parameters["actions"] is JArray a && a.All(t => t.Type == JTokenType.String) && a.Count > 0)
            return a.Select(t => (string)t!).ToArray();
        setup.Error("actions", "参数“actions”应为动作编号的非空数组。");
        return null;
    }

    public RiskCheckResult Evaluate(RiskCheckContext context, object? parameters)
    {
        var actions = (string[])parameters!;
        var counted = actions.Length > 0 ? actions : [context.Action?.Id ?? ""];
        var earlier = context.State.Trail.Count(t => t.ActionId is not null && counted.Contains(t.ActionId));
        return earlier == 0
            ? RiskCheckResult.Pass
            : RiskCheckResult.Fail($"本案已发出过 {earlier} 次补正告知，再次告知违反一次性告知制度。");
    }
}
