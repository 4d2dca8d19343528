using System.Text.Json.Serialization;

namespace WorkflowEngine.Engine.Expressions;

/// <summary>
/// A condition as the designer's builder shows it: a group (<c>and</c>/<c>or</c> of items) or a rule
/// (field, operator, value). <see cref="ConditionBuilder"/> converts between this tree and expression text.
/// </summary>
public sealed record ConditionTree
{
    /// <summary><c>group</c> or <c>rule</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>For a group: <c>and</c> (all items) or <c>or</c> (any item). An empty <c>and</c> group is <c>true</c>.</summary>
    public string? Match { get; init; }

    public IReadOnlyList<ConditionTree>? Items { get; init; }

    /// <summary>For a rule: the case field (or constant) on the left.</summary>
    public string? Field { get; init; }

    /// <summary>For a rule: one of <see cref="ConditionBuilder.Operators"/>.</summary>
    public string? Operator { get; init; }

    /// <summary>For a rule: the literal compared with (string, number, boolean, null or a list).</summary>
    [JsonConverter(typeof(ValueJsonConverter))]
    public Value Value { get; init; }

    /// <summary>For a rule: a field or constant compared with instead of a literal (e.g. <c>amount &gt;= threshold</c>).</summary>
    public string? ValueField { get; init; }

    public static ConditionTree Group(string match, IReadOnlyList<ConditionTree> items) => new() { Kind = "group", Match = match, Items = items };

    public static ConditionTree Rule(string field, string @operator, Value value, string? valueField = null) =>
        new() { Kind = "rule", Field = field, Operator = @operator, Value = value, ValueField = valueField };
}

/// <summary>The builder tree of an expression, or why the builder cannot show it (then it is edited as text).</summary>
public sealed record ConditionTreeResult(ConditionTree? Tree, string? Reason)
{
    public bool Representable => Tree is not null;
}

/// <summary>The expression text of a builder tree, or what is wrong with the tree.</summary>
public sealed record ConditionTextResult(string? Expression, string? Error);
