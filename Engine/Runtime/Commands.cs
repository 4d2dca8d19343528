using System.Collections.Immutable;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>What a user or the scheduler asks of a case. <see cref="ExpectedVersion"/> guards against stale edits.</summary>
public abstract record Command
{
    public long? ExpectedVersion { get; init; }
}

public sealed record StartCase(string CaseId, ImmutableDictionary<string, Value> Data) : Command;

public sealed record TakeAction(string TaskId, string ActionId, ImmutableDictionary<string, Value> Data, string? Opinion) : Command;

/// <summary>Marks a member present; <paramref name="MemberId"/> null means the actor.</summary>
public sealed record AttendVote(string TaskId, string? MemberId = null) : Command;

public sealed record RecuseFromVote(string TaskId, string? MemberId, string Reason) : Command;

/// <summary>An absent member's written opinion: recorded, not counted as a vote.</summary>
public sealed record SubmitWrittenOpinion(string TaskId, string Opinion) : Command;

public sealed record CastVote(string TaskId, VoteChoice Choice, string? Opinion = null) : Command;

public sealed record CloseVote(string TaskId) : Command;

public sealed record Withdraw(string Reason) : Command;

/// <summary>A timer the runtime asked for has come due.</summary>
public sealed record FireTimer(string Key) : Command;
