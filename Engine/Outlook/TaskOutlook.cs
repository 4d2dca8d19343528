using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// An open task: the post responsible and who may act (the post's holders, or the people its approver rule named who have
/// still to act), how they sign (或签 / 会签, with who has signed), its own deadline, its risk points, actions and vote; whom
/// it was transferred to, the added signers yet to sign (and whether the holder's action waits for them), whom the viewer
/// would act for, and whether the viewer may transfer it, add a signer, or sign now.
/// </summary>
public sealed record TaskOutlook(
    string TaskId, string StepId, string StepName, StepKind Kind, string Role, string RoleName, IReadOnlyList<RosterMember> Holders,
    string? Description, DateTimeOffset EnteredAt, DeadlineOutlook? Deadline, IReadOnlyList<string> RiskPointIds,
    IReadOnlyList<ActionOutlook> Actions, VoteOutlook? Vote,
    RosterMember? AssignedTo, IReadOnlyList<AddedSigner> Signers, bool AwaitingSigners, RosterMember? ActingFor,
    Permission Transfer, Permission AddSigner, Permission Sign)
{
    /// <summary>The approver rule in words, e.g. 发起人所在科室负责人; the post's name for a post.</summary>
    public string Assignment { get; init; } = RoleName;
    public SignMode SignMode { get; init; } = SignMode.Any;
    /// <summary>Under 会签: those who have signed, with the action each took.</summary>
    public IReadOnlyList<SignatureOutlook> Signed { get; init; } = [];
}

public sealed record SignatureOutlook(string Id, string Name, string ActionId);
