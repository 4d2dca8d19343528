using System.Collections.Immutable;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>
/// One item of a batch case as the case data holds it: key (its position in the list, from 1), title, and once decided
/// the decision (grant / deny), the ground, who decided, at which step and task, and when.
/// </summary>
public sealed record BatchItem(
    string Key, string Title, string? Decision = null, string? Ground = null, string? DecidedBy = null, string? DecidedByName = null,
    string? StepId = null, string? TaskId = null, DateTimeOffset? DecidedAt = null)
{
    public const string Grant = "grant";
    public const string Deny = "deny";

    public bool IsOpen => Decision is null;
    public bool IsGranted => Decision == Grant;
    public string DecisionName => Decision switch { Grant => "准予", Deny => "不予", _ => "待决定" };

    public Value ToValue()
    {
        var fields = ImmutableDictionary<string, Value>.Empty.Add("key", Value.String(Key)).Add("title", Value.String(Title));
        if (Decision is null) return Value.Object(fields.Add("decision", Value.Null));
        return Value.Object(fields
            .Add("decision", Value.String(Decision))
            .Add("ground", Ground is null ? Value.Null : Value.String(Ground))
            .Add("decidedBy", Value.String(DecidedBy ?? ""))
            .Add("decidedByName", Value.String(DecidedByName ?? ""))
            .Add("step", Value.String(StepId ?? ""))
            .Add("task", Value.String(TaskId ?? ""))
            .Add("at", Value.String(DecidedAt!.Value.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture))));
    }

    public static BatchItem FromValue(Value value)
    {
        var o = value.AsObject;
        string? Text(string name) => o.TryGetValue(name, out var v) && v.Kind == ValueKind.String ? v.AsString : null;
        return new BatchItem(Text("key") ?? "", Text("title") ?? "", Text("decision"), Text("ground"), Text("decidedBy"), Text("decidedByName"),
            Text("step"), Text("task"), Text("at") is { } at ? DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
