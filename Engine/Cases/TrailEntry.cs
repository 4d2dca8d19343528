using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Cases;

/// <summary>A finished step instance. <see cref="OnBehalfOf"/> is the principal when a stand-in finished it.</summary>
public sealed record TrailEntry(
    string TaskId, string StepId, string? ActionId, string ActorId, DateTimeOffset EnteredAt, DateTimeOffset CompletedAt, bool BySystem,
    string? OnBehalfOf = null)
{
    /// <summary>Whether the person acted on this step themselves or through a stand-in.</summary>
    public bool HandledBy(string personId) => !BySystem && (ActorId == personId || OnBehalfOf == personId);
}
