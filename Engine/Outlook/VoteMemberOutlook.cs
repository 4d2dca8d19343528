using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// A member of a vote round. <paramref name="Choice"/> is shown only for a recorded ballot; <paramref name="Attend"/> and
/// <paramref name="Recuse"/> say whether the viewer may sign this member in or record their recusal (themselves, or as
/// chair or recorder).
/// </summary>
public sealed record VoteMemberOutlook(
    string Id, string Name, bool Present, bool Recused, string? RecusalReason, bool Voted, bool Chair, string? WrittenOpinion,
    VoteChoice? Choice, Permission Attend, Permission Recuse);
