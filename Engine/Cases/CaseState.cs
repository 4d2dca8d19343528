using System.Collections.Immutable;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Cases;

/// <summary>The whole state of one case. Immutable: every command yields a new state with the next version.</summary>
public sealed record CaseState
{
    public required string CaseId { get; init; }
    public required string DefinitionId { get; init; }
    public required int DefinitionVersion { get; init; }
    public required long Version { get; init; }
    public CaseStatus Status { get; init; } = CaseStatus.Running;
    public string? EndStepId { get; init; }
    public EndOutcome? Outcome { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string StartedBy { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public required ImmutableDictionary<string, Value> Data { get; init; }
    /// <summary>The steps currently open: tasks, votes, waits.</summary>
    public ImmutableList<ActiveStep> Active { get; init; } = [];
    /// <summary>Branch arrivals counted at each join of the current parallel section.</summary>
    public ImmutableDictionary<string, int> JoinArrivals { get; init; } = ImmutableDictionary<string, int>.Empty;
    public CaseClock Clock { get; init; } = CaseClock.NotStarted;
    /// <summary>Every step the case went through, with who finished it and how.</summary>
    public ImmutableList<TrailEntry> Trail { get; init; } = [];
    /// <summary>Keys of the warning and overdue timers already raised, so each alert is raised once.</summary>
    public ImmutableHashSet<string> RaisedAlerts { get; init; } = ImmutableHashSet<string>.Empty;
    public int NextTaskNumber { get; init; } = 1;
    /// <summary>Everyone who has acted on the case (started it, took an action, signed in to or voted in its meetings …).</summary>
    public ImmutableHashSet<string> Participants { get; init; } = ImmutableHashSet<string>.Empty;
    /// <summary>The notices and decisions issued so far, oldest first.</summary>
    public ImmutableList<IssuedDocument> Documents { get; init; } = [];
    /// <summary>The urges (督办) and escalations on the case, oldest first, open and answered.</summary>
    public ImmutableList<Urge> Urges { get; init; } = [];

    public bool IsClosed => Status == CaseStatus.Closed;
    public ActiveStep? FindActive(string taskId) => Active.FirstOrDefault(a => a.TaskId == taskId);
    public Urge? FindUrge(string urgeId) => Urges.FirstOrDefault(u => u.Id == urgeId);
}
