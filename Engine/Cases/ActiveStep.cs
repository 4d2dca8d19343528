using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Cases;

/// <summary>
/// An open step instance. <see cref="BranchPath"/> names the parallel branches it runs in. <see cref="Assignees"/> are the
/// people an approver rule named when the step opened (null: whoever holds the step's post); <see cref="Signatures"/>
/// are the 会签 signers who have signed so far, with the action each took.
/// </summary>
public sealed record ActiveStep(string TaskId, string StepId, DateTimeOffset EnteredAt, string BranchPath, VoteState? Vote = null)
{
    public ImmutableList<string>? Assignees { get; init; }
    public ImmutableDictionary<string, string> Signatures { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The named people who have still to act (all of them for 或签; those who have not signed for 会签).</summary>
    public IEnumerable<string> PendingAssignees => (Assignees ?? []).Where(a => !Signatures.ContainsKey(a));
}
