using System.Collections.Concurrent;
using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// Recently written or read case states, so that the next command on a case skips parsing its JSON. An entry
/// is used only when the stored JSON, read in the command's own transaction, is exactly the JSON it was made from
/// (the JSON carries the case version), so a stale entry is never used and nothing has to be invalidated — also
/// when another node sharing the database changed the case. Bounded: when full it starts over.
/// </summary>
public sealed class CaseStateCache(int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, (string Json, CaseState State)> _entries = new();

    public CaseState Read(string caseId, string json)
    {
        if (_entries.TryGetValue(caseId, out var entry) && string.Equals(entry.Json, json, StringComparison.Ordinal)) return entry.State;
        var state = CaseStateSerializer.Deserialize(json);
        Remember(caseId, json, state);
        return state;
    }

    public void Remember(string caseId, string json, CaseState state)
    {
        if (_entries.Count >= capacity) _entries.Clear();
        _entries[caseId] = (json, state);
    }
}
