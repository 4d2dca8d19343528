using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Cases;

/// <summary>The case clock: when it started and stopped, its pauses, and the extension granted.</summary>
public sealed record CaseClock(
    DateTimeOffset? StartedAt, DateTimeOffset? StoppedAt, DateTimeOffset? PausedSince, string? PauseReason,
    ImmutableList<ClockPause> Pauses, int ExtensionAmount, int ExtensionCount)
{
    public static readonly CaseClock NotStarted = new(null, null, null, null, [], 0, 0);

    public bool IsRunning => StartedAt is not null && StoppedAt is null;
    public bool IsPaused => PausedSince is not null;
}
