using System.Collections.Immutable;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>Takes an action on a task; at a batch decide point <paramref name="Items"/> carries one decision per open item.</summary>
public sealed record TakeAction(
    string TaskId, string ActionId, ImmutableDictionary<string, Value> Data, string? Opinion, IReadOnlyList<ItemDecision>? Items = null) : Command;
