namespace WorkflowEngine.Engine.Runtime;

public enum RefusalCode
{
    WrongRole,
    MissingField,
    InvalidData,
    OpinionRequired,
    RuleBlocked,
    CaseClosed,
    StaleVersion,
    UnknownTask,
    UnknownAction,
    NotAllowedNow,
    ExtensionCapExceeded,
    ConditionFailed,
    WrongDefinition,
    NotFound,
}

public abstract record CommandResult;

/// <summary>The command was applied: the new state, what happened, and the timers the case now wants.</summary>
public sealed record Applied(
    CaseState State,
    IReadOnlyList<CaseEvent> Events,
    IReadOnlyList<RiskEvent> RiskEvents,
    IReadOnlyList<AlertSignal> Alerts,
    IReadOnlyList<TimerRequest> Timers) : CommandResult;

/// <summary>The command was refused and nothing changed. The message is for the official (Chinese).</summary>
public sealed record Refused(RefusalCode Code, string Message, string? RiskPointId = null, string? CheckName = null) : CommandResult;

/// <summary>A timer that is no longer wanted or was already handled: nothing to do.</summary>
public sealed record Unchanged(string Reason) : CommandResult;

internal sealed class RefusalException(Refused refusal) : Exception(refusal.Message)
{
    public Refused Refusal { get; } = refusal;
}
