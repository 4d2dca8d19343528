using System.Collections.Immutable;
using System.Text.Json;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Server.Api;

/// <summary>Converts case data between the API's JSON and the engine's values.</summary>
public static class JsonData
{
    /// <summary>The fields of a JSON object, or the reason the element cannot be case data.</summary>
    public static (ImmutableDictionary<string, Value> Values, string? Error) ToValues(JsonElement? element)
    {
        var empty = ImmutableDictionary<string, Value>.Empty;
        if (element is null || element.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return (empty, null);
        if (element.Value.ValueKind != JsonValueKind.Object) return (empty, "data 应为 JSON 对象。");
        try
        {
            return (Value.FromJson(element.Value).AsObject, null);
        }
        catch (FormatException e)
        {
            return (empty, e.Message);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json will not read a string holding a lone surrogate ("\udfff") as text.
            return (empty, "data 中含有无效的 Unicode 字符（如单独的代理项 \\udfff），请检查后重新提交。");
        }
    }

    public static JsonElement ToJson(IReadOnlyDictionary<string, Value> values) =>
        JsonDocument.Parse(Value.Object(values.ToImmutableDictionary()).ToJson()).RootElement.Clone();
}
