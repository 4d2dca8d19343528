using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Store.Persistence;

/// <summary>Turns a case state into the JSON stored with the case, and back.</summary>
public static class CaseStateSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = Value.WriterOptions.Encoder,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(), new ValueJsonConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoredPropertiesOnly } },
    };

    public static string Serialize(CaseState state) => JsonSerializer.Serialize(state, Options);

    public static CaseState Deserialize(string json) =>
        JsonSerializer.Deserialize<CaseState>(json, Options) ?? throw new InvalidDataException("Case state JSON is empty.");

    /// <summary>Only properties that can be set are stored; computed ones (IsClosed, Eligible …) are derived again.</summary>
    private static void StoredPropertiesOnly(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
            if (type.Properties[i] is { Set: null, AssociatedParameter: null }) type.Properties.RemoveAt(i);
    }
}
