using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// An open task: the post responsible and who holds it, its own deadline, its risk points, actions and vote; whom it was
/// transferred to, the added signers yet to sign (and whether the holder's action waits for them), whom the viewer would
/// act for, and whether the viewer may transfer it, add a signer, or sign now.
/// </summary>
public sealed record TaskOutlook(
    string TaskId, string StepId, string StepName, StepKind Kind, string Role, string RoleName, IReadOnlyList<RosterMember> Holders,
    string? Description, DateTimeOffset EnteredAt, DeadlineOutlook? Deadline, IReadOnlyList<string> RiskPointIds,
    IReadOnlyList<ActionOutlook> Actions, VoteOutlook? Vote,
    RosterMember? AssignedTo, IReadOnlyList<AddedSigner> Signers, bool AwaitingSigners, RosterMember? ActingFor,
    Permission Transfer, Permission AddSigner, Permission Sign);
