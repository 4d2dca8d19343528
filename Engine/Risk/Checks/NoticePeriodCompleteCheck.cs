using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Definitions.Validation;


namespace WorkflowEngine.Engine.Risk.Checks;

/// <summary>The named notice period (公示) last ran its full length and ended with no objection.</summary>
public sealed class NoticePeriodCompleteCheck : IRiskCheck
{
    public string Name => "notice-period-complete";
    public string Description => "公示期满且无未处理的异议";
    public string Title => "公示期满";
    public IReadOnlyList<RiskCheckParameter> Parameters { get; } =
    [
        new("step", "公示环节", RiskCheckParameterType.Step, true, "wait"),
    ];

    public object? ParseParameters(RiskCheckSetup setup) => setup.StepRef("step", StepKind.Wait);

    public RiskCheckResult Evaluate(RiskCheckContext context, object? parameters)
    {
        var wait = (WaitStep)parameters!;
        if (context.State.Active.Any(a => a.StepId == wait.Id))
            return RiskCheckResult.Fail($"“{wait.Name}”尚未结束。");
        var last = context.Completions(wait.Id).LastOrDefault();
        if (last is null) return RiskCheckResult.Fail($"本案未经过“{wait.Name}”。");
        return last.ActionId == WaitResults.PeriodEnded
            ? RiskCheckResult.Pass
            : RiskCheckResult.Fail($"“{wait.Name}”期间有异议，须重新公示期满后方可办理。");
    }
}
