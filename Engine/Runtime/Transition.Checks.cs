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
                Definition = _def, State = State, Step = step, Task = task, Action = action, Actor = _actor,
                Data = data, Now = _now, Calendar = _env.Calendar,
            };
            var result = check.Evaluate(context, binding.ParsedParameters);
            if (result.Passed) continue;

            var risk = _def.FindRiskPoint(binding.RiskPointId)!;
            var message = result.Message ?? check.Description;
            if (binding.Mode == CheckMode.Block && !flagOnly)
                throw Refuse.Because(RefusalCode.RuleBlocked, $"风险点{risk.Id}（{risk.LevelName}风险）：{message}", risk.Id, check.Name);
            _risks.Add(new RiskEvent(risk.Id, risk.Level, risk.Text, check.Name, step.Id, step.Name, task.TaskId, _actor.Id, _actor.Name, _now, message));
            Record(EventTypes.RiskFlagged, $"风险点{risk.Id}（{risk.LevelName}）记入风险台帐：{message}", task);
        }
    }
}
