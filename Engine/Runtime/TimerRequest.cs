using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>A moment at which the case wants to be told the time has come.</summary>
/// <param name="DueAt">When the limit itself runs out: later than <paramref name="FireAt"/> for a warning.</param>
public sealed record TimerRequest(
    string Key, TimerKind Kind, LimitKind? Limit, string? TaskId, string? StepId, DateTimeOffset FireAt, DateTimeOffset DueAt, bool Provisional);
