using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Cases;

public static class VoteChoiceNames
{
    public static string Name(VoteChoice choice) => choice switch
    {
        VoteChoice.For => "同意",
        VoteChoice.Against => "不同意",
        _ => "弃权",
    };

    public static string Id(VoteChoice choice) => choice switch
    {
        VoteChoice.For => "for",
        VoteChoice.Against => "against",
        _ => "abstain",
    };

    public static VoteChoice? Parse(string? id) => id switch
    {
        "for" => VoteChoice.For,
        "against" => VoteChoice.Against,
        "abstain" => VoteChoice.Abstain,
        _ => null,
    };
}
