using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkflowEngine.Engine.Expressions;

/// <summary>Writes and reads a <see cref="Value"/> as the plain JSON value it stands for.</summary>
public sealed class ValueJsonConverter : JsonConverter<Value>
{
    public override bool HandleNull => true;

    public override void Write(Utf8JsonWriter writer, Value value, JsonSerializerOptions options) => value.WriteTo(writer);

    public override Value Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return Value.FromJson(document.RootElement);
    }
}
