using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Definitions.Loading;

/// <summary>Reads <c>"batch": { "itemsField", "label", "decideAt": [ { "step", "action" } ] }</c>.</summary>
internal static class BatchReader
{
    public static BatchRule Read(ObjectReader r)
    {
        var decideAt = r.Objects("decideAt", required: true).Select(p => p.Finish(new BatchDecidePoint
        {
            StepId = p.StepReference("step", required: true) ?? "",
            ActionId = p.String("action", required: true) ?? "",
        })).ToList();
        return r.Finish(new BatchRule
        {
            ItemsField = r.String("itemsField", required: true) ?? "",
            Label = r.String("label") ?? "事项",
            DecideAt = decideAt,
        });
    }
}
