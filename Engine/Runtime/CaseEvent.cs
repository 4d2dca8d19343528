using System.Collections.Immutable;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>One entry of a case's history: who did what, when, with what opinion and data.</summary>
public sealed record CaseEvent(
    string Type, DateTimeOffset At, string ActorId, string ActorName, string? TaskId, string? StepId, string? ActionId,
    string? Opinion, ImmutableDictionary<string, Value> Data, string Summary);

/// <summary>The event types a case history holds.</summary>
public static class EventTypes
{
    public const string CaseStarted = "case-started";
    public const string StepEntered = "step-entered";
    public const string ActionTaken = "action-taken";
    public const string StepCancelled = "step-cancelled";
    public const string Routed = "routed";
    public const string ClockStarted = "clock-started";
    public const string ClockPaused = "clock-paused";
    public const string ClockResumed = "clock-resumed";
    public const string ClockStopped = "clock-stopped";
    public const string ClockRestarted = "clock-restarted";
    public const string DeadlineExtended = "deadline-extended";
    public const string VoteOpened = "vote-opened";
    public const string VoteAttended = "vote-attended";
    public const string VoteRecused = "vote-recused";
    public const string VoteWrittenOpinion = "vote-written-opinion";
    public const string VoteCast = "vote-cast";
    public const string VoteClosed = "vote-closed";
    public const string WaitEnded = "wait-ended";
    public const string DeemedOutcome = "deemed-outcome";
    public const string Withdrawn = "withdrawn";
    public const string AlertRaised = "alert-raised";
    public const string RiskFlagged = "risk-flagged";
    public const string CaseClosed = "case-closed";
}

/// <summary>A risk-ledger entry (风险台帐): a flagged risk point with its level, step and actor.</summary>
public sealed record RiskEvent(
    string RiskPointId, int Level, string RiskText, string CheckName, string StepId, string StepName, string? TaskId,
    string ActorId, string ActorName, DateTimeOffset At, string Message);

public enum AlertLevel { Yellow, Red }

/// <summary>A yellow (warning) or red (overdue) card raised by a timer.</summary>
public sealed record AlertSignal(AlertLevel Level, LimitKind Limit, string? TaskId, string? StepId, DateTimeOffset DueAt, bool Provisional);
