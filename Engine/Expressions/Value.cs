using System.Collections.Immutable;
using System.Globalization;

namespace WorkflowEngine.Engine.Expressions;

public enum ValueKind { Null, Boolean, Number, String, List, Object }

/// <summary>
/// An immutable JSON-like value: what case data holds and what expressions compute.
/// Numbers are decimals so that amounts compare exactly (30000.00 == 30000).
/// </summary>
public readonly partial struct Value : IEquatable<Value>
{
    private readonly object? _payload;
    private readonly decimal _number;

    private Value(ValueKind kind, object? payload, decimal number = 0)
    {
        Kind = kind;
        _payload = payload;
        _number = number;
    }

    public ValueKind Kind { get; }

    // Declared before True/False: static fields are initialised in textual order.
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;
    public static readonly Value Null = default;
    public static readonly Value True = new(ValueKind.Boolean, BoxedTrue);
    public static readonly Value False = new(ValueKind.Boolean, BoxedFalse);

    public static Value Bool(bool b) => b ? True : False;
    public static Value Number(decimal n) => new(ValueKind.Number, null, n);
    public static Value String(string s) => new(ValueKind.String, s);
    public static Value List(ImmutableArray<Value> items) => new(ValueKind.List, items);
    public static Value List(IEnumerable<Value> items) => new(ValueKind.List, items.ToImmutableArray());
    public static Value Object(ImmutableDictionary<string, Value> fields) => new(ValueKind.Object, fields);

    public bool IsNull => Kind == ValueKind.Null;
    public bool AsBoolean => Kind == ValueKind.Boolean ? (bool)_payload! : throw WrongKind(ValueKind.Boolean);
    public decimal AsNumber => Kind == ValueKind.Number ? _number : throw WrongKind(ValueKind.Number);
    public string AsString => Kind == ValueKind.String ? (string)_payload! : throw WrongKind(ValueKind.String);
    public ImmutableArray<Value> AsList => Kind == ValueKind.List ? (ImmutableArray<Value>)_payload! : throw WrongKind(ValueKind.List);
    public ImmutableDictionary<string, Value> AsObject =>
        Kind == ValueKind.Object ? (ImmutableDictionary<string, Value>)_payload! : throw WrongKind(ValueKind.Object);

    private InvalidOperationException WrongKind(ValueKind expected) =>
        new($"Value is {Kind}, not {expected}.");

    public bool Equals(Value other)
    {
        if (Kind != other.Kind) return false;
        return Kind switch
        {
            ValueKind.Null => true,
            ValueKind.Boolean => AsBoolean == other.AsBoolean,
            ValueKind.Number => _number == other._number,
            ValueKind.String => string.Equals(AsString, other.AsString, StringComparison.Ordinal),
            ValueKind.List => AsList.SequenceEqual(other.AsList),
            ValueKind.Object => AsObject.Count == other.AsObject.Count
                && AsObject.All(p => other.AsObject.TryGetValue(p.Key, out var o) && p.Value.Equals(o)),
            _ => false,
        };
    }

    public override bool Equals(object? obj) => obj is Value v && Equals(v);

    public override int GetHashCode() => Kind switch
    {
        ValueKind.Null => 0,
        ValueKind.Boolean => AsBoolean.GetHashCode(),
        ValueKind.Number => _number.GetHashCode(),
        ValueKind.String => StringComparer.Ordinal.GetHashCode(AsString),
        ValueKind.List => AsList.Length,
        ValueKind.Object => AsObject.Count,
        _ => 0,
    };

    public static bool operator ==(Value a, Value b) => a.Equals(b);
    public static bool operator !=(Value a, Value b) => !a.Equals(b);

    public override string ToString() => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Boolean => AsBoolean ? "true" : "false",
        ValueKind.Number => _number.ToString(CultureInfo.InvariantCulture),
        ValueKind.String => AsString,
        _ => ToJson(),
    };
}
