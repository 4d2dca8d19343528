using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Store.Documents;

/// <summary>
/// The placeholders of the item a batch case's 准予 / 不予 decision is issued for (one document per item): its key, title,
/// decision and ground, read from the core's batch results. In an item's denial the 不予许可理由 is the item's own ground.
/// In any other document they are empty.
/// </summary>
public static class BatchItemFields
{
    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>
    {
        ["item.label"] = "逐项决定的事项名称（如 场所、事项）",
        ["item.key"] = "事项序号",
        ["item.title"] = "事项名称（申请中列明的场所或项目）",
        ["item.decision"] = "该事项的决定（准予 / 不予）",
        ["item.ground"] = "该事项的理由和依据",
        ["item.count"] = "本次申请的事项总数",
    };

    public static void Fill(Dictionary<string, string> values, DocumentFields.Issue issue)
    {
        foreach (var key in Placeholders.Keys) values[key] = "";
        if (issue.Document.Document.ItemKey is not { } itemKey || issue.Definition.Batch is not { } rule) return;
        var items = BatchLedger.Items(issue.Definition, issue.State.Data);
        if (items.FirstOrDefault(i => i.Key == itemKey) is not { } item) return;
        values["item.label"] = rule.Label;
        values["item.key"] = item.Key;
        values["item.title"] = item.Title;
        values["item.decision"] = item.IsOpen ? "" : item.DecisionName;
        values["item.ground"] = item.Ground ?? "";
        values["item.count"] = items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (issue.Document.Document.Kind == DocumentKind.DenialDecision && item.Ground is { } ground) values["notice.denialGround"] = ground;
    }
}
