using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Cases;

/// <summary>An open step instance. <see cref="BranchPath"/> names the parallel branches it runs in.</summary>
public sealed record ActiveStep(string TaskId, string StepId, DateTimeOffset EnteredAt, string BranchPath, VoteState? Vote = null);
