using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Definitions.Validation;

namespace WorkflowEngine.Engine.Risk.Checks;

/// <summary>The step is finished within its own time limit (环节超时).</summary>
public sealed class WithinTimeLimitCheck : IRiskCheck
{
    public string Name => "within-time-limit";
    public string Description => "本环节在办理时限内办结";
    public string Title => "按时办结";

    public object? ParseParameters(RiskCheckSetup setup)
    {
        if (setup.Step.TimeLimit is null)
            setup.Problem($"环节“{setup.Step.Id}”没有“timeLimit”，无法检查是否超时。");
        if (setup.Binding.Phase != CheckPhase.Complete)
            setup.Problem("超时检查只能在办结环节时执行（\"on\": \"complete\"）。");
        return null;
    }

    public RiskCheckResult Evaluate(RiskCheckContext context, object? parameters)
    {
        var limit = context.Step.TimeLimit!;
        if (limit.DueFrom(context.Task.EnteredAt, context.Data, context.Calendar) is not { } due) return RiskCheckResult.Pass;
        return context.Now <= due.DueAt
            ? RiskCheckResult.Pass
            : RiskCheckResult.Fail($"“{context.Step.Name}”超过办理时限 {limit.Describe(context.Definition.FieldLabel)}（应于 {due.DueAt:yyyy-MM-dd HH:mm} 前办结）。");
    }
}
