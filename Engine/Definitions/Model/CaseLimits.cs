using WorkflowEngine.Engine.Calendar;

namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>
/// Which limit a deadline is: the case's statutory or promised limit, a step's own, or the limit of a party outside
/// the agency (the applicant's 补正, a third party's comment) while the case clock is paused.
/// </summary>
public enum LimitKind { Statutory, Promised, Step, Outside }

/// <summary>A case limit: a period from the clock start (lengthened by pauses and extensions), or a fixed date (see <see cref="DatedLimit"/>).</summary>
public sealed class LimitDefinition : DatedLimit
{
    public string? Basis { get; init; }
}

public sealed class ExtensionRule : DefinitionElement
{
    public required Period Max { get; init; }
    public required string ApproverRole { get; init; }
    /// <summary>How many separate extensions are allowed; null means any number within <see cref="Max"/>.</summary>
    public int? MaxTimes { get; init; }
    public string? Basis { get; init; }
}

/// <summary>When a yellow card is raised: the earlier of "percent of the time used" and "this much left".</summary>
public sealed class WarningRule : DefinitionElement
{
    public static readonly WarningRule Default = new() { PercentUsed = 90, Remaining = new Period(1, PeriodUnit.WorkingDays) };

    public required int PercentUsed { get; init; }
    public Period? Remaining { get; init; }
}

/// <summary>Case-level time limits: statutory (法定时限) and promised (承诺时限).</summary>
public sealed class CaseLimits : DefinitionElement
{
    public LimitDefinition? Statutory { get; init; }
    public LimitDefinition? Promised { get; init; }
    /// <summary>Entering this step starts the case clock; null means the case start.</summary>
    public string? ClockStartsAt { get; init; }
    /// <summary>Entering one of these steps meets the case limits; end steps always do.</summary>
    public IReadOnlyList<string> ClockStopsAt { get; init; } = [];
    public ExtensionRule? Extension { get; init; }
    public WarningRule Warning { get; init; } = WarningRule.Default;

    public LimitDefinition? Get(LimitKind kind) => kind switch
    {
        LimitKind.Statutory => Statutory,
        LimitKind.Promised => Promised,
        _ => null,
    };
}

public sealed class WithdrawalRule : DefinitionElement
{
    public required string Role { get; init; }
    public required string To { get; init; }
    /// <summary>The steps during which withdrawal is allowed; empty means any step before the end.</summary>
    public IReadOnlyList<string> AllowedAt { get; init; } = [];

    public bool AllowsAt(string stepId) => AllowedAt.Count == 0 || AllowedAt.Contains(stepId);
}
