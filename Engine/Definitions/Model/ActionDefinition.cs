using WorkflowEngine.Engine.Calendar;

namespace WorkflowEngine.Engine.Definitions.Model;

public enum OpinionRule { Optional, Required, None }

/// <summary>A named action a post may take on a task or wait step, and where it leads.</summary>
public sealed class ActionDefinition : DefinitionElement
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The next step; null only for an extension, which stays on the step.</summary>
    public string? To { get; init; }
    /// <summary>The post that may take it; null means the step's post.</summary>
    public string? Role { get; init; }
    /// <summary>Case-data fields that must hold a value once the action's data is applied.</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];
    public OpinionRule Opinion { get; init; } = OpinionRule.Optional;
    /// <summary>Only a timer may take it (the end of a notice period, a deemed outcome).</summary>
    public bool SystemOnly { get; init; }
    /// <summary>Extends the case's statutory limit by this much (延期), within the definition's cap.</summary>
    public Period? Extend { get; init; }
    /// <summary>The case limits count again from now (重新起算), e.g. from the day corrected materials arrive.</summary>
    public bool RestartsClock { get; init; }
    /// <summary>The written notice or decision the action issues; when absent, <see cref="DocumentKinds.Of"/> applies the default.</summary>
    public DocumentKind? Issues { get; init; }
}

/// <summary>What happens when a step's time runs out: an action taken by the system (视为受理, 视为放弃 …).</summary>
public sealed class TimeoutRule : DefinitionElement
{
    /// <summary>How long after entering the step; null means the step's time limit.</summary>
    public Period? After { get; init; }
    public required string ActionId { get; init; }
    public required string Label { get; init; }
    /// <summary>The case clock counts from the case start rather than from now (视为受理 from the day materials arrived).</summary>
    public bool ClockFromCaseStart { get; init; }
}
