using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>A risk-ledger entry (风险台帐): a flagged risk point with its level, step and actor.</summary>
public sealed record RiskEvent(
    string RiskPointId, int Level, string RiskText, string CheckName, string StepId, string StepName, string? TaskId,
    string ActorId, string ActorName, DateTimeOffset At, string Message);
