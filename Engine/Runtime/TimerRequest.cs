using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Runtime;

public enum TimerKind { Warning, Overdue, Timeout, WaitEnd }

/// <summary>A moment at which the case wants to be told the time has come.</summary>
/// <param name="DueAt">When the limit itself runs out: later than <paramref name="FireAt"/> for a warning.</param>
public sealed record TimerRequest(
    string Key, TimerKind Kind, LimitKind? Limit, string? TaskId, string? StepId, DateTimeOffset FireAt, DateTimeOffset DueAt, bool Provisional);

/// <summary>An open time limit of a case: statutory, promised, or one step's own.</summary>
public sealed record Deadline(
    LimitKind Kind, string? TaskId, string? StepId, string Limit, DateOnly LastDay, DateTimeOffset DueAt, DateTimeOffset? WarnAt,
    bool Provisional, bool Paused, string? PauseReason, int PausedDays, int ExtensionAmount);
