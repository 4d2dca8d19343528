using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Cases;

/// <summary>A finished step instance.</summary>
public sealed record TrailEntry(
    string TaskId, string StepId, string? ActionId, string ActorId, DateTimeOffset EnteredAt, DateTimeOffset CompletedAt, bool BySystem);
