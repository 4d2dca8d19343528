using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Definitions.Validation;

/// <summary>A batch (一次申请、多个事项): its items field is a list, and each decide point is an action a person takes at a task step.</summary>
internal sealed partial class DefinitionValidator
{
    private void CheckBatch()
    {
        if (_d.Batch is not { } batch) return;
        if (batch.ItemsField.Length > 0 && _d.FindField(batch.ItemsField) is not { Type: FieldType.List })
            Error(batch.At("itemsField"), $"事项清单字段“{batch.ItemsField}”须为“fields”中定义的列表字段（list），每项写一个{batch.Label}的名称。");
        if (_d.FindField(BatchRule.DataKey) is { } clash)
            Error(clash.At("id"), $"字段编号“{BatchRule.DataKey}”留给逐项决定的结果（batch），请改用其他编号。");
        foreach (var point in batch.DecideAt)
        {
            if (point.StepId.Length == 0) continue;
            if (_d.FindStep(point.StepId) is not TaskStep step)
            {
                Error(point.At("step"), $"逐项决定的环节“{point.StepId}”须为办理环节（kind 为 task）。");
                continue;
            }
            if (step.SignMode == SignMode.All)
                Error(point.At("step"), $"逐项决定的环节“{step.Id}”不能会签（\"signMode\": \"all\"）：每个{batch.Label}由一人逐项决定。");
            if (step.FindAction(point.ActionId) is not { } action)
                Error(point.At("action"), $"环节“{step.Id}”没有动作“{point.ActionId}”。");
            else if (action.SystemOnly || action.Extend is not null)
                Error(point.At("action"), $"动作“{action.Id}”由系统办理或用于延期，不能逐项作出决定。");
            else if (action.Issues is DocumentKind.GrantDecision or DocumentKind.DenialDecision)
                Error(action.At("issues"), $"逐项决定的动作“{action.Id}”按每个{batch.Label}出具准予或不予决定书，请删除“issues”。");
        }
        foreach (var duplicate in batch.DecideAt.GroupBy(p => (p.StepId, p.ActionId)).Where(g => g.Count() > 1))
            Error(duplicate.Last().Location, $"逐项决定的动作“{duplicate.Key.StepId}/{duplicate.Key.ActionId}”重复。");
    }

    /// <summary>Conditions of a batch flow may read the results (<c>batch.granted</c>, <c>batch.outcome</c> …).</summary>
    private bool IsBatchResults(string name) => _d.Batch is not null && name == BatchRule.DataKey;
}
