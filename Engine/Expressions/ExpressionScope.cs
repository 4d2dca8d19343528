using System.Diagnostics.CodeAnalysis;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Expressions;

/// <summary>What a condition may read: the case data, then the definition's constants (validation forbids clashes).</summary>
public sealed class ExpressionScope(IReadOnlyDictionary<string, Value> data, IReadOnlyDictionary<string, Value> constants)
    : IReadOnlyDictionary<string, Value>
{
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Value value) =>
        data.TryGetValue(key, out value) || constants.TryGetValue(key, out value);

    public Value this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);
    public bool ContainsKey(string key) => data.ContainsKey(key) || constants.ContainsKey(key);
    public IEnumerable<string> Keys => data.Keys.Concat(constants.Keys);
    public IEnumerable<Value> Values => Keys.Select(k => this[k]);
    public int Count => data.Count + constants.Count;

    public IEnumerator<KeyValuePair<string, Value>> GetEnumerator() =>
        data.Concat(constants).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
