using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using WorkflowEngine.Engine.Calendar;

namespace WorkflowEngine.Server.Api;

/// <summary>Every instant the API returns is written in China time (+08:00), the way officials read it.</summary>
public sealed class ChinaTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToOffset(WorkCalendar.ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
}
