using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>
/// The result per candidate of a vote on named persons: a candidate passes when the votes in favour meet the step's
/// pass rule (e.g. more than half of those present); the item passes when at least one candidate does.
/// </summary>
internal static class CandidateTally
{
    public sealed record Result(CandidateCount Count, bool Passed);

    public static IReadOnlyList<Result> Count(VoteStep step, VoteState vote)
    {
        var baseCount = step.PassBase switch
        {
            PassBase.Members => vote.Eligible,
            PassBase.Present => vote.PresentVoters,
            _ => vote.Cast,
        };
        return vote.Candidates
            .Select(c => new Result(c, baseCount > 0 && VoteTally.Meets(step.PassThreshold, c.For, baseCount)))
            .OrderByDescending(r => r.Count.For).ThenBy(r => r.Count.Name, StringComparer.Ordinal)
            .ToList();
    }

    public static string Summary(IReadOnlyList<Result> results) => results.Count == 0
        ? "无候选人"
        : string.Join("；", results.Select(r => $"{r.Count.Name} 同意 {r.Count.For} 票、不同意 {r.Count.Against} 票、弃权 {r.Count.Abstain} 票（{(r.Passed ? "通过" : "未通过")}）"));

    /// <summary>
    /// What the case data holds under the step's id after the vote: <c>results</c> (name, for, against, abstain, passed,
    /// most votes first), <c>passed</c> (the names that passed) and the <c>round</c>.
    /// </summary>
    public static Value ToData(IReadOnlyList<Result> results, int round) => Value.Object(ImmutableDictionary<string, Value>.Empty
        .Add("round", Value.Number(round))
        .Add("results", Value.List(results.Select(r => Value.Object(ImmutableDictionary<string, Value>.Empty
            .Add("name", Value.String(r.Count.Name))
            .Add("for", Value.Number(r.Count.For))
            .Add("against", Value.Number(r.Count.Against))
            .Add("abstain", Value.Number(r.Count.Abstain))
            .Add("passed", Value.Bool(r.Passed))))))
        .Add("passed", Value.List(results.Where(r => r.Passed).Select(r => Value.String(r.Count.Name)))));
}
