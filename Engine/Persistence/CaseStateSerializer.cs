using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Engine.Persistence;

/// <summary>Turns a case state into the JSON stored with the case, and back.</summary>
public static class CaseStateSerializer
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        // Replace, never populate: defaults such as CaseClock.NotStarted are shared singletons.
        ObjectCreationHandling = ObjectCreationHandling.Replace,
        ContractResolver = new StoredPropertiesOnly(),
        Converters = { new ValueJsonConverter(), new StringEnumConverter() },
        DateParseHandling = DateParseHandling.DateTimeOffset,
        DateFormatString = "yyyy-MM-ddTHH:mm:ss.fffffffzzz",
        NullValueHandling = NullValueHandling.Ignore,
    };

    public static string Serialize(CaseState state) => JsonConvert.SerializeObject(state, Settings);

    public static CaseState Deserialize(string json) =>
        JsonConvert.DeserializeObject<CaseState>(json, Settings) ?? throw new InvalidDataException("Case state JSON is empty.");

    /// <summary>Only properties that can be set are stored; computed ones (IsClosed, Eligible …) are derived again.</summary>
    private sealed class StoredPropertiesOnly : Newtonsoft.Json.Serialization.DefaultContractResolver
    {
        protected override IList<Newtonsoft.Json.Serialization.JsonProperty> CreateProperties(Type type, MemberSerialization memberSerialization) =>
            base.CreateProperties(type, memberSerialization).Where(p => p.Writable || type.GetConstructors().Any(c => c.GetParameters().Any(a =>
                string.Equals(a.Name, p.UnderlyingName, StringComparison.OrdinalIgnoreCase)))).ToList();
    }

    private sealed class ValueJsonConverter : JsonConverter<Value>
    {
        public override void WriteJson(JsonWriter writer, Value value, JsonSerializer serializer) => value.ToJToken().WriteTo(writer);

        public override Value ReadJson(JsonReader reader, Type objectType, Value existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            Value.FromJToken(JToken.ReadFrom(reader));
    }
}
