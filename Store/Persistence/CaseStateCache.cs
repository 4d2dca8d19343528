using System.Collections.Concurrent;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// Recently written or read case states, so that the next command on a case skips parsing its JSON. An entry
/// is used only when the stored JSON, read in the command's own transaction, is exactly the JSON it was made from
/// (the JSON carries the case version), so a stale entry is never used and nothing has to be invalidated — also
/// when another node sharing the database changed the case. The row this node last wrote is kept too: a command can be
/// worked out from it before the write connection is taken, and is written only if the row read then is still the same.
/// Bounded: when full it starts over.
/// </summary>
public sealed class CaseStateCache(int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, (string Json, CaseState State, CaseRecord? Row)> _entries = new();

    public CaseState Read(string caseId, string json)
    {
        if (_entries.TryGetValue(caseId, out var entry) && string.Equals(entry.Json, json, StringComparison.Ordinal)) return entry.State;
        var state = CaseStateSerializer.Deserialize(json);
        Keep(caseId, (json, state, null));
        return state;
    }

    /// <summary>The case as this node just wrote it.</summary>
    public void Remember(CaseRecord row, CaseState state) => Keep(row.Id, (row.StateJson, state, row.Copy()));

    /// <summary>A copy of the row this node last wrote for the case, with its state; null when none is kept.</summary>
    public (CaseRecord Row, CaseState State)? Written(string caseId) =>
        _entries.TryGetValue(caseId, out var entry) && entry.Row is { } row ? (row.Copy(), entry.State) : null;

    private void Keep(string caseId, (string, CaseState, CaseRecord?) entry)
    {
        if (_entries.Count >= capacity) _entries.Clear();
        _entries[caseId] = entry;
    }
}
