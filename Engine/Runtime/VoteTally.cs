using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>The result of closing a vote round under the step's quorum, pass and deferral rules.</summary>
internal sealed record VoteTally(string Result, string Summary)
{
    public static VoteTally Count(VoteStep step, VoteState vote, bool urgent)
    {
        var eligible = vote.Eligible;
        var present = vote.PresentVoters;
        var attendance = $"应到 {eligible} 人，实到 {present} 人";
        if (!Meets(step.Quorum, present, eligible))
            return new(VoteResults.NoQuorum, $"未达到法定人数（{attendance}，{Rules(step).Quorum}）");

        if (step.Candidates is not null)
        {
            var results = CandidateTally.Count(step, vote);
            var summary = $"{attendance}，投票 {vote.Cast} 人；{CandidateTally.Summary(results)}；{Rules(step).Pass}";
            return results.Any(r => r.Passed)
                ? new(VoteResults.Passed, $"表决通过（{summary}）")
                : new(VoteResults.Rejected, $"无候选人通过（{summary}）");
        }

        var votes = $"同意 {vote.For} 票、不同意 {vote.Against} 票、弃权 {vote.Abstain} 票";
        if (step.DeferWhenMarginAtMost is { } margin && Math.Abs(vote.For - vote.Against) <= margin && !urgent)
            return new(VoteResults.Deferred, $"意见分歧较大，暂缓决定（{attendance}；{votes}）");

        var baseCount = step.PassBase switch
        {
            PassBase.Members => eligible,
            PassBase.Present => present,
            _ => vote.Cast,
        };
        var passed = baseCount > 0 && Meets(step.PassThreshold, vote.For, baseCount);
        var rule = Rules(step).Pass;
        return passed
            ? new(VoteResults.Passed, $"表决通过（{attendance}；{votes}；{rule}）")
            : new(VoteResults.Rejected, $"表决未通过（{attendance}；{votes}；{rule}）");
    }

    /// <summary>The quorum and pass rules of a vote step, as the tally states them.</summary>
    public static (string Quorum, string Pass) Rules(VoteStep step) => (
        $"须{ThresholdName(step.Quorum)}应到人数出席",
        $"同意票须{ThresholdName(step.PassThreshold)}{BaseName(step.PassBase)}");

    private static string BaseName(PassBase passBase) => passBase switch
    {
        PassBase.Members => "应到人数",
        PassBase.Present => "实到人数",
        _ => "投票人数",
    };

    public static bool Meets(Threshold threshold, int part, int whole) =>
        threshold == Threshold.MoreThanHalf ? part * 2 > whole : part * 3 >= whole * 2;

    private static string ThresholdName(Threshold threshold) => threshold == Threshold.MoreThanHalf ? "超过半数" : "达到三分之二";

    /// <summary>The meeting record: attendance, absences, recusals, written opinions and, for a recorded ballot, each vote.</summary>
    public ImmutableDictionary<string, Value> ToData(VoteStep step, VoteState vote, Func<string, string> nameOf)
    {
        Value Names(IEnumerable<string> ids) => Value.List(ids.Select(id => Value.String(nameOf(id))));
        var data = ImmutableDictionary.CreateBuilder<string, Value>();
        data["result"] = Value.String(Result);
        data["round"] = Value.Number(vote.Round);
        data["eligible"] = Value.Number(vote.Eligible);
        data["present"] = Names(vote.PresentVoterIds.Order());
        data["absent"] = Names(vote.Members.Where(m => !vote.Present.Contains(m) && !vote.Recused.ContainsKey(m)));
        data["recused"] = Value.Object(vote.Recused.ToImmutableDictionary(p => nameOf(p.Key), p => Value.String(p.Value)));
        data["writtenOpinions"] = Value.Object(vote.WrittenOpinions.ToImmutableDictionary(p => nameOf(p.Key), p => Value.String(p.Value)));
        data["for"] = Value.Number(vote.For);
        data["against"] = Value.Number(vote.Against);
        data["abstain"] = Value.Number(vote.Abstain);
        data["ballot"] = Value.String(step.Ballot == Ballot.Anonymous ? "anonymous" : "recorded");
        if (step.Candidates is not null) data["candidates"] = CandidateTally.ToData(CandidateTally.Count(step, vote), vote.Round);
        if (step.Ballot == Ballot.Recorded && step.Candidates is null)
            data["ballots"] = Value.Object(vote.RecordedBallots.ToImmutableDictionary(p => nameOf(p.Key), p => Value.String(VoteChoiceNames.Name(p.Value))));
        return data.ToImmutable();
    }
}
