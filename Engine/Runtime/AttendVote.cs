using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>Marks a member present; <paramref name="MemberId"/> null means the actor.</summary>
public sealed record AttendVote(string TaskId, string? MemberId = null) : Command;
