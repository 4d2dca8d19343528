using System.Collections.Immutable;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>A yellow (warning) or red (overdue) card raised by a timer.</summary>
public sealed record AlertSignal(DeadlineLevel Level, LimitKind Limit, string? TaskId, string? StepId, DateTimeOffset DueAt, bool Provisional);
