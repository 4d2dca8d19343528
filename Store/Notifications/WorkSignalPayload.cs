using System.Text;
using System.Text.Json;

namespace WorkflowEngine.Store.Notifications;

/// <summary>Work signals as JSON for PostgreSQL's NOTIFY, in batches under its 8,000-byte payload limit.</summary>
public static class WorkSignalPayload
{
    private const int MaxBytes = 7000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEnumerable<string> Batches(IReadOnlyList<WorkSignal> signals)
    {
        var batch = new List<string>();
        var size = 2;
        foreach (var item in signals.Select(s => JsonSerializer.Serialize(s, Json)))
        {
            var bytes = Encoding.UTF8.GetByteCount(item) + 1;
            if (batch.Count > 0 && size + bytes > MaxBytes)
            {
                yield return "[" + string.Join(",", batch) + "]";
                (batch, size) = ([], 2);
            }
            batch.Add(item);
            size += bytes;
        }
        if (batch.Count > 0) yield return "[" + string.Join(",", batch) + "]";
    }

    public static IReadOnlyList<WorkSignal> Read(string payload) => JsonSerializer.Deserialize<List<WorkSignal>>(payload, Json) ?? [];
}
