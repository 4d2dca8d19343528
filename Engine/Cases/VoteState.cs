using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Cases;

/// <summary>
/// One round of a collective vote. For an anonymous ballot only the tally and the set of members who
/// have voted are kept; who voted what is never stored.
/// </summary>
public sealed record VoteState(
    int Round,
    ImmutableArray<string> Members,
    ImmutableHashSet<string> Chairs,
    ImmutableHashSet<string> Present,
    ImmutableDictionary<string, string> Recused,
    ImmutableDictionary<string, string> WrittenOpinions,
    ImmutableHashSet<string> Voted,
    ImmutableDictionary<string, VoteChoice> RecordedBallots,
    int For, int Against, int Abstain)
{
    public static VoteState Open(int round, IEnumerable<string> members, IEnumerable<string> chairs) => new(
        round, members.Distinct().ToImmutableArray(), chairs.ToImmutableHashSet(), [],
        ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty, [],
        ImmutableDictionary<string, VoteChoice>.Empty, 0, 0, 0);

    /// <summary>Members who should attend this item: everyone but those who must leave the room (回避).</summary>
    public int Eligible => Members.Length - Recused.Count;
    /// <summary>Members in the room who may vote: present and not recused.</summary>
    public IEnumerable<string> PresentVoterIds => Present.Where(m => !Recused.ContainsKey(m));
    public int PresentVoters => PresentVoterIds.Count();
    /// <summary>Ballots cast this round (for a vote on candidates, each ballot covers every candidate).</summary>
    public int Cast => Voted.Count;
    /// <summary>The candidates of a vote on named persons with their counts; empty for a vote on the item as a whole.</summary>
    public ImmutableArray<CandidateCount> Candidates { get; init; } = [];
}
