namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>
/// A batch application (一次申请、多个事项): the entries of the list field <see cref="ItemsField"/> are items decided each on
/// its own (准予 / 不予, with a ground for 不予) by the actions named in <see cref="DecideAt"/>. The results are case data
/// under <see cref="DataKey"/> (see <c>BatchLedger</c> in the runtime).
/// </summary>
public sealed class BatchRule : DefinitionElement
{
    /// <summary>The case data key holding the items and their decisions; a flow with a batch may not have a field of this id.</summary>
    public const string DataKey = "batch";

    public required string ItemsField { get; init; }
    /// <summary>What one item is called, e.g. 场所, 事项.</summary>
    public required string Label { get; init; }
    public required IReadOnlyList<BatchDecidePoint> DecideAt { get; init; }

    public bool Decides(string stepId, string actionId) => DecideAt.Any(p => p.StepId == stepId && p.ActionId == actionId);
}

/// <summary>An action whose taker decides every open item: <c>{ "step": "sign", "action": "decide" }</c>.</summary>
public sealed class BatchDecidePoint : DefinitionElement
{
    public required string StepId { get; init; }
    public required string ActionId { get; init; }
}
