using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>The event types a case history holds.</summary>
public static class EventTypes
{
    public const string CaseStarted = "case-started";
    public const string StepEntered = "step-entered";
    public const string ActionTaken = "action-taken";
    public const string ItemsDecided = "items-decided";
    public const string Countersigned = "countersigned";
    public const string CarbonCopied = "carbon-copied";
    public const string Migrated = "migrated";
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
    public const string TaskTransferred = "task-transferred";
    public const string SignerAdded = "signer-added";
    public const string SignerSigned = "signer-signed";
    public const string Urged = "urged";
    public const string UrgeAnswered = "urge-answered";
    public const string UrgeOverdue = "urge-overdue";
    public const string Escalated = "escalated";
    public const string DocumentIssued = "document-issued";
    public const string MaterialAttached = "material-attached";
}
