namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// The keys that sign case anchors, held outside the database: the current one signs every write, and every key
/// (current and retired) stays available so that an anchor is verified with the key it names.
/// </summary>
public sealed class ChainKeyRing
{
    private readonly IReadOnlyDictionary<string, byte[]> _keys;

    public ChainKeyRing(string currentId, IReadOnlyDictionary<string, byte[]> keys)
    {
        if (!keys.ContainsKey(currentId)) throw new ArgumentException($"The current chain key {currentId} is not among the keys.");
        CurrentId = currentId;
        _keys = keys;
    }

    public string CurrentId { get; }
    public byte[] Current => _keys[CurrentId];
    public IEnumerable<string> Ids => _keys.Keys;

    /// <summary>The key of <paramref name="id"/>, or null when the ring does not hold it.</summary>
    public byte[]? Find(string id) => _keys.TryGetValue(id, out var key) ? key : null;
}
