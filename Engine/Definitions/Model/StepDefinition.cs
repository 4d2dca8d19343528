using WorkflowEngine.Engine.Calendar;

namespace WorkflowEngine.Engine.Definitions.Model;

public enum StepKind { Task, Decision, Parallel, Join, Vote, Wait, End }

/// <summary>Which source a step's time limit comes from.</summary>
public enum LimitBasis { Manual, Statute, Default }

public static class LimitBasisNames
{
    public static string Name(LimitBasis basis) => basis switch
    {
        LimitBasis.Manual => "廉政风险防控手册规定的办理时限",
        LimitBasis.Statute => "法定时限",
        _ => "限时办结制度（默认时限）",
    };
}

/// <summary>A step's own limit (办理时限): a period counted from the moment the step opens, or a fixed date (see <see cref="DatedLimit"/>).</summary>
public sealed class StepTimeLimit : DatedLimit
{
    public LimitBasis Basis { get; init; } = LimitBasis.Manual;
    public string? Note { get; init; }
}

/// <summary>Whether time spent in the step counts against the case limits (补正, 专家评审 and 复议中止 do not).</summary>
public sealed class ClockEffect : DefinitionElement
{
    public static readonly ClockEffect Counts = new() { Pauses = false };

    public required bool Pauses { get; init; }
    public string? Reason { get; init; }
    /// <summary>The limit of the party outside the agency while the clock is paused (补正, a third party's comment); null when none.</summary>
    public OutsideLimit? Outside { get; init; }
}

/// <summary>
/// Time spent outside the agency with its own limit: counted from the moment the step opens (the notice goes out), not
/// against the agency (no yellow or red card), shown as its own deadline; when it runs out the step's <c>onTimeout</c>
/// moves the case on by rule (视为放弃, 视为撤回, 逾期未提出意见).
/// </summary>
public sealed class OutsideLimit : DefinitionElement
{
    /// <summary>Who the time belongs to, e.g. 申请人 or 第三方.</summary>
    public required string Party { get; init; }
    public required Period Period { get; init; }
    public string? Basis { get; init; }
}

public abstract class StepDefinition : DefinitionElement
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public abstract StepKind Kind { get; }
    public StepTimeLimit? TimeLimit { get; init; }
    public ClockEffect Clock { get; init; } = ClockEffect.Counts;
    public IReadOnlyList<string> RiskPointIds { get; init; } = [];
    public IReadOnlyList<RiskCheckBinding> Checks { get; init; } = [];
    /// <summary>或签 (any holder completes the step) or 会签 (every holder signs); only tasks may ask for 会签.</summary>
    public SignMode SignMode { get; init; } = SignMode.Any;

    /// <summary>The post whose holders see an open instance of this step in their work list.</summary>
    public string WorkListRole => this switch
    {
        TaskStep t => t.Role,
        VoteStep v => v.MembersRole,
        WaitStep w => w.Actions.FirstOrDefault()?.Role ?? "",
        _ => "",
    };

    /// <summary>Whether an instance of this step stays open for people to act on (a task, a vote, a wait).</summary>
    public bool OpensTask => Kind is StepKind.Task or StepKind.Wait or StepKind.Vote;

    /// <summary>Every step this one can lead to, for graph analysis.</summary>
    public abstract IEnumerable<(string Target, SourceLocation At)> Targets { get; }
}
