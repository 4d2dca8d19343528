using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace WorkflowEngine.Engine.Expressions;

/// <summary>Values to and from JSON: System.Text.Json for stored and API data, Newtonsoft tokens for definition files.</summary>
public readonly partial struct Value
{
    /// <summary>Compact, with Chinese text kept as it is rather than escaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Value FromJToken(JToken? token) => token switch
    {
        null => Null,
        JValue { Type: JTokenType.Null or JTokenType.Undefined } => Null,
        JValue { Type: JTokenType.Boolean } v => Bool((bool)v.Value!),
        JValue { Type: JTokenType.Integer } v => Number(Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture)),
        JValue { Type: JTokenType.Float } v => Number(Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture)),
        JValue { Type: JTokenType.String } v => String((string)v.Value!),
        JValue { Type: JTokenType.Date } v => String(((DateTime)v.Value!).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
        JValue v => String(Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? ""),
        JArray a => List(a.Select(FromJToken)),
        JObject o => Object(o.Properties().ToImmutableDictionary(p => p.Name, p => FromJToken(p.Value), StringComparer.Ordinal)),
        _ => throw new ArgumentException($"Unsupported JSON token {token.Type}."),
    };

    /// <summary>The value of a JSON element; of repeated object fields the last one counts.</summary>
    public static Value FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => Null,
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        JsonValueKind.Number => element.TryGetDecimal(out var number)
            ? Number(number)
            : throw new FormatException($"数值 {element.GetRawText()} 超出可处理的范围。"),
        JsonValueKind.String => String(element.GetString()!),
        JsonValueKind.Array => List(element.EnumerateArray().Select(FromJson)),
        _ => Object(FieldsOf(element)),
    };

    private static ImmutableDictionary<string, Value> FieldsOf(JsonElement element)
    {
        var fields = ImmutableDictionary.CreateBuilder<string, Value>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject()) fields[property.Name] = FromJson(property.Value);
        return fields.ToImmutable();
    }

    /// <summary>Writes the value as JSON; object fields in ordinal order, so equal values always read the same.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case ValueKind.Null: writer.WriteNullValue(); break;
            case ValueKind.Boolean: writer.WriteBooleanValue(AsBoolean); break;
            case ValueKind.Number when decimal.IsInteger(_number) && Math.Abs(_number) < long.MaxValue: writer.WriteNumberValue((long)_number); break;
            case ValueKind.Number: writer.WriteNumberValue(_number); break;
            case ValueKind.String: writer.WriteStringValue(AsString); break;
            case ValueKind.List:
                writer.WriteStartArray();
                foreach (var item in AsList) item.WriteTo(writer);
                writer.WriteEndArray();
                break;
            case ValueKind.Object:
                writer.WriteStartObject();
                foreach (var (key, value) in AsObject.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    value.WriteTo(writer);
                }
                writer.WriteEndObject();
                break;
        }
    }

    /// <summary>The value as compact JSON.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
