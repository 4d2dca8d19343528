using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Engine.Runtime;

public sealed record CastVote(string TaskId, VoteChoice Choice, string? Opinion = null) : Command;
