using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>
/// The rules of a batch case (一次申请、多个事项), once: the items are the entries of the flow's list field, each decided once,
/// at a decide point, with a ground for 不予; the results are case data under <c>batch</c> — <c>items</c> (see
/// <see cref="BatchItem"/>), <c>total</c>, <c>granted</c>, <c>denied</c>, <c>open</c> and <c>outcome</c> (granted / denied /
/// mixed once every item is decided, null before) — that conditions, checks, documents and history read.
/// </summary>
public static class BatchLedger
{
    public const string AllGranted = "granted";
    public const string AllDenied = "denied";
    public const string Mixed = "mixed";

    /// <summary>The items as the case data holds them; none when the flow has no batch or the list is empty.</summary>
    public static IReadOnlyList<BatchItem> Items(FlowDefinition definition, IReadOnlyDictionary<string, Value> data)
    {
        if (definition.Batch is null || !data.TryGetValue(BatchRule.DataKey, out var batch) || batch.Kind != ValueKind.Object
            || !batch.AsObject.TryGetValue("items", out var items) || items.Kind != ValueKind.List)
            return [];
        return items.AsList.Select(BatchItem.FromValue).ToList();
    }

    /// <summary>The outcome once every item is decided: granted, denied or mixed; null while any is open or there are none.</summary>
    public static string? Outcome(IReadOnlyList<BatchItem> items) =>
        items.Count == 0 || items.Any(i => i.IsOpen) ? null
        : items.All(i => i.IsGranted) ? AllGranted
        : items.All(i => !i.IsGranted) ? AllDenied
        : Mixed;

    /// <summary>
    /// Rebuilds the items from the list field after the data changed. Once an item is decided the list is fixed: a change
    /// to it is refused, since the decisions belong to the items as they were listed.
    /// </summary>
    internal static ImmutableDictionary<string, Value> Sync(FlowDefinition definition, IReadOnlyDictionary<string, Value> before,
        ImmutableDictionary<string, Value> data)
    {
        if (definition.Batch is not { } rule) return data;
        var titles = data.TryGetValue(rule.ItemsField, out var list) && list.Kind == ValueKind.List
            ? list.AsList.Select(v => v.AsString).ToList() : [];
        var previous = Items(definition, before);
        if (previous.Select(i => i.Title).SequenceEqual(titles) && data.ContainsKey(BatchRule.DataKey)) return data;
        if (previous.Any(i => !i.IsOpen))
            throw Refuse.Because(RefusalCode.InvalidData,
                $"已有{rule.Label}作出决定，不能再修改{rule.Label}清单（字段“{definition.FieldLabel(rule.ItemsField)}”）。");
        var items = titles.Select((t, i) => new BatchItem((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), t)).ToList();
        return data.SetItem(BatchRule.DataKey, ToValue(rule, items));
    }

    /// <summary>
    /// Applies the decisions of one action at a decide point: every open item exactly once, grant or deny, a ground for
    /// each deny; refuses with the precise reason otherwise (and then nothing changes).
    /// </summary>
    internal static ImmutableDictionary<string, Value> Decide(FlowDefinition definition, ImmutableDictionary<string, Value> data,
        IReadOnlyList<ItemDecision>? decisions, ActionDefinition action, ActiveStep task, Actor actor, DateTimeOffset now)
    {
        var rule = definition.Batch!;
        var label = rule.Label;
        var items = Items(definition, data).ToList();
        decisions ??= [];
        string Name(BatchItem i) => $"{label}{i.Key}（{i.Title}）";
        if (items.Count == 0)
            throw Refuse.Because(RefusalCode.MissingField,
                $"办理“{action.Name}”须先在“{definition.FieldLabel(rule.ItemsField)}”中逐项列明{label}。");
        foreach (var group in decisions.GroupBy(d => d.Key).Where(g => g.Count() > 1))
            throw Refuse.Because(RefusalCode.InvalidData, $"{label}“{group.Key}”重复决定：每个{label}只能决定一次。");
        foreach (var d in decisions)
        {
            var index = items.FindIndex(i => i.Key == d.Key);
            if (index < 0)
                throw Refuse.Because(RefusalCode.InvalidData,
                    $"没有编号为“{d.Key}”的{label}，可选：{string.Join("、", items.Select(i => $"{i.Key}（{i.Title}）"))}。");
            var item = items[index];
            if (!item.IsOpen)
                throw Refuse.Because(RefusalCode.InvalidData, $"{Name(item)}已作出{item.DecisionName}决定，不能再次决定。");
            if (d.Decision is not (BatchItem.Grant or BatchItem.Deny))
                throw Refuse.Because(RefusalCode.InvalidData, $"{Name(item)}的决定“{d.Decision}”无效：应为 grant（准予）或 deny（不予）。");
            var ground = string.IsNullOrWhiteSpace(d.Ground) ? null : d.Ground.Trim();
            if (d.Decision == BatchItem.Deny && ground is null)
                throw Refuse.Because(RefusalCode.OpinionRequired, $"不予决定须写明理由和依据：{Name(item)}。");
            CaseData.RequireShortText(ground, $"{Name(item)}的理由和依据");
            items[index] = item with
            {
                Decision = d.Decision, Ground = ground, DecidedBy = actor.Id, DecidedByName = actor.Name, StepId = task.StepId,
                TaskId = task.TaskId, DecidedAt = now,
            };
        }
        var open = items.Where(i => i.IsOpen).ToList();
        if (open.Count > 0)
            throw Refuse.Because(RefusalCode.MissingField,
                $"办理“{action.Name}”须对每个{label}逐项作出决定（准予或不予），尚未决定：{string.Join("、", open.Select(Name))}。");
        return data.SetItem(BatchRule.DataKey, ToValue(rule, items));
    }

    /// <summary>What the history says of the decisions taken at one task: “场所1（甲）准予；场所2（乙）不予：理由”.</summary>
    internal static string Summary(FlowDefinition definition, IReadOnlyList<BatchItem> decided) =>
        string.Join("；", decided.Select(i => $"{definition.Batch!.Label}{i.Key}（{i.Title}）{i.DecisionName}{(i.Ground is null ? "" : "：" + i.Ground)}"));

    private static Value ToValue(BatchRule rule, IReadOnlyList<BatchItem> items) => Value.Object(ImmutableDictionary<string, Value>.Empty
        .Add("label", Value.String(rule.Label))
        .Add("items", Value.List(items.Select(i => i.ToValue())))
        .Add("total", Value.Number(items.Count))
        .Add("granted", Value.Number(items.Count(i => i.Decision == BatchItem.Grant)))
        .Add("denied", Value.Number(items.Count(i => i.Decision == BatchItem.Deny)))
        .Add("open", Value.Number(items.Count(i => i.IsOpen)))
        .Add("outcome", Outcome(items) is { } outcome ? Value.String(outcome) : Value.Null));
}
