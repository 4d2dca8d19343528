using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Cases;

/// <summary>
/// An open step instance. <see cref="BranchPath"/> names the parallel branches it runs in. <see cref="AssignedTo"/> is the
/// holder it was transferred to (转办), who alone acts on it then; <see cref="Signers"/> are the added signers yet to
/// sign and <see cref="Pending"/> the holder's action that waits for the signers after them.
/// </summary>
public sealed record ActiveStep(
    string TaskId, string StepId, DateTimeOffset EnteredAt, string BranchPath, VoteState? Vote = null,
    string? AssignedTo = null, string? AssignedName = null, ImmutableList<AddedSigner>? Signers = null, PendingCompletion? Pending = null)
{
    public ImmutableList<AddedSigner> PendingSigners => Signers ?? [];

    /// <summary>The signer whose turn it is: the first one before the holder, or once the holder acted, the first one after.</summary>
    /// <summary>The one person who acts on the task now — the signer whose turn it is, else the assignee — or null for its post's holders.</summary>
    public string? ActsNow => SignerDue?.UserId ?? AssignedTo;

    public AddedSigner? SignerDue => PendingSigners.FirstOrDefault(s => s.Position == SignerPosition.Before)
        ?? (Pending is not null ? PendingSigners.FirstOrDefault(s => s.Position == SignerPosition.After) : null);
}
