using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>
/// A member's ballot. In a vote on candidates <paramref name="Candidates"/> gives the member's choice per named person
/// (a candidate not named is neither supported nor opposed) and <paramref name="Choice"/> is not used.
/// </summary>
public sealed record CastVote(string TaskId, VoteChoice Choice, string? Opinion = null,
    IReadOnlyDictionary<string, VoteChoice>? Candidates = null) : Command;
