using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace WorkflowEngine.Server.Auth;

/// <summary>
/// The agency's posts (岗位), id → Chinese name: those of Definitions/roles.json until the database is read,
/// then the posts table (which starts as a copy of roles.json and grows with the posts an administrator adds).
/// Definitions are validated against it, so a flow may use an added post.
/// </summary>
public sealed class PostCatalog(IReadOnlyDictionary<string, string> initial) : IReadOnlyDictionary<string, string>
{
    private IReadOnlyDictionary<string, string> _posts = new Dictionary<string, string>(initial, StringComparer.Ordinal);

    /// <summary>The posts of roles.json, which the database's built-in posts are made from.</summary>
    public IReadOnlyDictionary<string, string> Builtin { get; } = new Dictionary<string, string>(initial, StringComparer.Ordinal);

    private IReadOnlyDictionary<string, string> Posts => Volatile.Read(ref _posts);

    public void Replace(IEnumerable<KeyValuePair<string, string>> posts) =>
        Volatile.Write(ref _posts, posts.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    public string this[string key] => Posts[key];
    public IEnumerable<string> Keys => Posts.Keys;
    public IEnumerable<string> Values => Posts.Values;
    public int Count => Posts.Count;
    public bool ContainsKey(string key) => Posts.ContainsKey(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => Posts.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Posts.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
