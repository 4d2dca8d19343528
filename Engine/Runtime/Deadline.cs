using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>An open time limit of a case: statutory, promised, or one step's own.</summary>
public sealed record Deadline(
    LimitKind Kind, string? TaskId, string? StepId, Period Period, DateOnly LastDay, DateTimeOffset DueAt, DateTimeOffset? WarnAt,
    bool Provisional, bool Paused, string? PauseReason, int PausedDays, int ExtensionAmount);
