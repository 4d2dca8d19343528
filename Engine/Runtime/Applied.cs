using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>The command was applied: the new state, what happened, and the timers the case now wants.</summary>
public sealed record Applied(
    CaseState State,
    IReadOnlyList<CaseEvent> Events,
    IReadOnlyList<RiskEvent> RiskEvents,
    IReadOnlyList<AlertSignal> Alerts,
    IReadOnlyList<TimerRequest> Timers) : CommandResult;
