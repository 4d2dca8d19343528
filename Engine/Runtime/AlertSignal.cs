using System.Collections.Immutable;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>A yellow (warning) or red (overdue) card raised by a timer.</summary>
public sealed record AlertSignal(AlertLevel Level, LimitKind Limit, string? TaskId, string? StepId, DateTimeOffset DueAt, bool Provisional);
