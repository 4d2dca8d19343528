using System.Collections.Immutable;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>One entry of a case's history: who did what, when, with what opinion and data.</summary>
public sealed record CaseEvent(
    string Type, DateTimeOffset At, string ActorId, string ActorName, string? TaskId, string? StepId, string? ActionId,
    string? Opinion, ImmutableDictionary<string, Value> Data, string Summary);
