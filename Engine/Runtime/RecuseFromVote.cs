using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Runtime;

public sealed record RecuseFromVote(string TaskId, string? MemberId, string Reason) : Command;
