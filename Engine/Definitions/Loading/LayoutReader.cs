using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Definitions.Loading;

/// <summary>
/// Reads the designer's <c>layout</c> (step id → { x, y }). Positions never change what a flow means, so nothing
/// here is an error: entries that are not a pair of numbers are left out, entries for unknown steps are kept.
/// </summary>
internal static class LayoutReader
{
    public static IReadOnlyDictionary<string, NodePosition> Read(JToken? token)
    {
        var result = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        if (token is not JObject layout) return result;
        foreach (var property in layout.Properties())
        {
            if (property.Value is JObject position && Number(position["x"]) is { } x && Number(position["y"]) is { } y)
                result[property.Name] = new NodePosition(x, y);
        }
        return result;
    }

    private static double? Number(JToken? token) =>
        token is { Type: JTokenType.Integer or JTokenType.Float } && (double)token is var value && double.IsFinite(value) ? value : null;
}
