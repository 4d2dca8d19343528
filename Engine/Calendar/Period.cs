namespace WorkflowEngine.Engine.Calendar;

/// <summary>The result of counting a period: its last day, the instant it falls due, and whether an unpublished year was involved.</summary>
public readonly record struct Period(DateOnly LastDay, DateTimeOffset DueAt, bool Provisional);
