using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Store.Services;

/// <summary>An action a blocking risk check refused, as a risk-ledger entry (风险台帐: 事中预警 — the attempt, not just what went through).</summary>
public static class BlockedAttempt
{
    public static RiskEventRecord? Of(CaseRecord record, FlowDefinition definition, CaseState state, Command command, Actor actor, Refused refused,
        DateTimeOffset now)
    {
        if (command is not TakeAction action || refused.RiskPointId is not { } riskId) return null;
        var task = state.Active.FirstOrDefault(a => a.TaskId == action.TaskId);
        var step = task is null ? null : definition.FindStep(task.StepId);
        var risk = definition.FindRiskPoint(riskId);
        if (step is null || risk is null) return null;
        return new RiskEventRecord
        {
            CaseId = record.Id, DefinitionId = record.DefinitionId, RiskPointId = risk.Id, Level = risk.Level, RiskText = risk.Text,
            CheckName = refused.CheckName ?? "", StepId = step.Id, StepName = step.Name, TaskId = task!.TaskId, ActorId = actor.Id,
            ActorName = actor.Name, At = now, Message = refused.Message, Outcome = RiskOutcomes.Blocked,
        };
    }
}
