namespace WorkflowEngine.Engine.Cases;

/// <summary>The running count for one candidate of a vote on named persons (民主推荐, 逐人表决).</summary>
public sealed record CandidateCount(string Name, int For, int Against, int Abstain)
{
    public CandidateCount Add(VoteChoice choice) => choice switch
    {
        VoteChoice.For => this with { For = For + 1 },
        VoteChoice.Against => this with { Against = Against + 1 },
        _ => this with { Abstain = Abstain + 1 },
    };
}
