using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Definitions.Validation;

namespace WorkflowEngine.Engine.Risk.Checks;

/// <summary>
/// The person acting did not handle any of the named steps of this case (受理、审核与审批分离), nor, for a stand-in, the
/// principal they act for; a step handled through a stand-in counts for both.
/// </summary>
public sealed class SeparationOfDutiesCheck : IRiskCheck
{
    public string Name => "separation-of-duties";
    public string Description => "审批人不得为本案受理人或审核人";
    public string Title => "审批分离";
    public IReadOnlyList<RiskCheckParameter> Parameters { get; } =
    [
        new("steps", "不得已办理的环节", RiskCheckParameterType.Steps, true),
    ];

    public object? ParseParameters(RiskCheckSetup setup)
    {
        var steps = setup.StepRefs("steps");
        return steps.Count == 0 ? null : steps;
    }

    public RiskCheckResult Evaluate(RiskCheckContext context, object? parameters)
    {
        foreach (var step in (IReadOnlyList<StepDefinition>)parameters!)
        {
            foreach (var person in context.ActingPeople)
            {
                if (!context.Completions(step.Id).Any(t => t.HandledBy(person))) continue;
                var name = person == context.Actor.Id ? context.Actor.Name : context.OnBehalfOf!.Name;
                return RiskCheckResult.Fail($"{name} 已办理本案“{step.Name}”环节，不得再办理“{context.Step.Name}”。");
            }
        }
        return RiskCheckResult.Pass;
    }
}
