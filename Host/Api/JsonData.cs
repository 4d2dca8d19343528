using System.Collections.Immutable;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Server.Api;

/// <summary>Converts case data between the API's JSON and the engine's values.</summary>
public static class JsonData
{
    /// <summary>The fields of a JSON object, or null when the element is not an object.</summary>
    public static ImmutableDictionary<string, Value>? ToValues(JsonElement? element)
    {
        if (element is null || element.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return ImmutableDictionary<string, Value>.Empty;
        if (element.Value.ValueKind != JsonValueKind.Object) return null;
        var token = JObject.Parse(element.Value.GetRawText(), new JsonLoadSettings());
        return token.Properties().ToImmutableDictionary(p => p.Name, p => Value.FromJToken(p.Value));
    }

    public static JsonElement ToJson(IReadOnlyDictionary<string, Value> values) =>
        JsonDocument.Parse(Value.Object(values.ToImmutableDictionary()).ToJToken().ToString(Newtonsoft.Json.Formatting.None)).RootElement.Clone();
}
