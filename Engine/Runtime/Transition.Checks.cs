using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Risk;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>Runs a step's risk checks: a failing blocking check refuses the command, a flagging one writes the ledger.</summary>
internal sealed partial class Transition
{
    /// <param name="flagOnly">A deemed outcome happens by law and cannot be refused: its failures are recorded instead.</param>
    /// <param name="explicitOnly">Run only the checks that name the action (used for extensions).</param>
    private void RunChecks(StepDefinition step, CheckPhase phase, ActiveStep task, ActionDefinition? action,
        IReadOnlyDictionary<string, Value> data, bool flagOnly, bool explicitOnly = false)
    {
        foreach (var (binding, risk, check, message) in Failures(step, phase, task, action, data, explicitOnly))
        {
            if (binding.Mode == CheckMode.Block && !flagOnly)
                throw Refuse.Because(RefusalCode.RuleBlocked, $"风险点{risk.Id}（{risk.LevelName}风险）：{message}", risk.Id, check.Name);
            _risks.Add(new RiskEvent(risk.Id, risk.Level, risk.Text, check.Name, step.Id, step.Name, task.TaskId, _actor.Id, Who, _now, message));
            Record(EventTypes.RiskFlagged, $"风险点{risk.Id}（{risk.LevelName}）记入风险台帐：{message}", task);
        }
    }

    /// <summary>
    /// The blocking checks the action would fail if taken now with the case data as it stands (the data the action
    /// brings may still satisfy them). Shown before an official acts; the runtime decides when the action is taken.
    /// </summary>
    public IReadOnlyList<Refused> WouldBlock(ActiveStep task, ActionDefinition action) =>
        Failures(_def.Step(task.StepId), CheckPhase.Complete, task, action, State.Data, explicitOnly: action.Extend is not null)
            .Where(f => f.Binding.Mode == CheckMode.Block)
            .Select(f => new Refused(RefusalCode.RuleBlocked, $"风险点{f.Risk.Id}（{f.Risk.LevelName}风险）：{f.Message}", f.Risk.Id, f.Check.Name))
            .ToList();

    private IEnumerable<(RiskCheckBinding Binding, RiskPoint Risk, IRiskCheck Check, string Message)> Failures(StepDefinition step, CheckPhase phase,
        ActiveStep task, ActionDefinition? action, IReadOnlyDictionary<string, Value> data, bool explicitOnly)
    {
        RiskCheckContext? context = null;
        foreach (var binding in step.Checks)
        {
            if (binding.Phase != phase) continue;
            if (phase == CheckPhase.Complete && !binding.AppliesTo(action?.Id)) continue;
            if (explicitOnly && !binding.Actions.Contains(action?.Id ?? "")) continue;
            if (binding.WhenCondition is { } when && !Holds(when, data, $"“{step.Name}”风险检查的适用条件“{binding.When}”")) continue;
            var check = _env.Checks.Find(binding.CheckName)
                ?? throw new InvalidOperationException($"Risk check '{binding.CheckName}' is not registered.");
            context ??= new RiskCheckContext
            {
                Definition = _def, State = State, Step = step, Task = task, Action = action, Actor = _actor, OnBehalfOf = _principal,
                Data = data, Now = _now, Calendar = _env.Calendar,
            };
            var result = check.Evaluate(context, binding.ParsedParameters);
            if (!result.Passed) yield return (binding, _def.FindRiskPoint(binding.RiskPointId)!, check, result.Message ?? check.Description);
        }
    }
}
