namespace WorkflowEngine.Engine.Calendar;

/// <summary>Where a counted period ends: its last day, the instant it falls due, and whether an unpublished year was involved.</summary>
public readonly record struct PeriodEnd(DateOnly LastDay, DateTimeOffset DueAt, bool Provisional);
