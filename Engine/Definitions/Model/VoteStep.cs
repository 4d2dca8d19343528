using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>A share of a base: more than half, or at least two thirds.</summary>
public enum Threshold { MoreThanHalf, TwoThirds }

/// <summary>What the votes in favour are compared against.</summary>
public enum PassBase { Members, Present, Voting }

public enum Ballot { Anonymous, Recorded }

public sealed class VoteOutcomes : DefinitionElement
{
    public required string Passed { get; init; }
    public required string Rejected { get; init; }
    /// <summary>Where a deferred item goes (暂缓); null means the meeting takes it up again.</summary>
    public string? Deferred { get; init; }
}

/// <summary>
/// A vote on named persons (民主推荐, 逐人表决): each member votes for, against or abstains on each candidate, and the
/// result per candidate is written into the case data under the step's id for later steps, conditions and checks.
/// </summary>
public sealed class CandidateRule : DefinitionElement
{
    /// <summary>A list field whose names are the candidates when the vote opens; null when all are written in.</summary>
    public string? Field { get; init; }
    /// <summary>Members may name persons not on the list (自由提名): they become candidates.</summary>
    public bool WriteIns { get; init; }
    /// <summary>At most this many candidates one ballot may support (推荐职数); null means no limit.</summary>
    public int? MaxChoices { get; init; }
}

/// <summary>A collective decision (党组会, 民主推荐) with the rules of DOMAIN §4 as settings.</summary>
public sealed class VoteStep : StepDefinition
{
    public override StepKind Kind => StepKind.Vote;
    /// <summary>The post whose holders are the members who should attend.</summary>
    public required string MembersRole { get; init; }
    /// <summary>The head who speaks last and closes the vote; may be null.</summary>
    public string? ChairRole { get; init; }
    /// <summary>Who records attendance and closes the vote besides the chair (会议记录).</summary>
    public string? RecorderRole { get; init; }
    public Threshold Quorum { get; init; } = Threshold.MoreThanHalf;
    public PassBase PassBase { get; init; } = PassBase.Members;
    public Threshold PassThreshold { get; init; } = Threshold.MoreThanHalf;
    public Ballot Ballot { get; init; } = Ballot.Recorded;
    public bool ChairSpeaksLast { get; init; }
    public bool AllowRecusal { get; init; } = true;
    public bool AcceptWrittenOpinions { get; init; } = true;
    /// <summary>When |for − against| is at most this, the item is deferred (暂缓); null means never.</summary>
    public int? DeferWhenMarginAtMost { get; init; }
    /// <summary>A condition under which an item is decided even when close (紧急情况).</summary>
    public string? UrgentWhen { get; init; }
    public ParsedExpression? UrgentCondition { get; init; }
    public required VoteOutcomes Outcomes { get; init; }
    /// <summary>Candidates voted on one by one; null for a vote on the item as a whole.</summary>
    public CandidateRule? Candidates { get; init; }

    public override IEnumerable<(string, SourceLocation)> Targets
    {
        get
        {
            yield return (Outcomes.Passed, Outcomes.At("passed"));
            yield return (Outcomes.Rejected, Outcomes.At("rejected"));
            if (Outcomes.Deferred is not null) yield return (Outcomes.Deferred, Outcomes.At("deferred"));
        }
    }
}
