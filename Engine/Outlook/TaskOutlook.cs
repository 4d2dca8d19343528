using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>An open task: the post responsible and who holds it, its own deadline, its risk points, actions and vote.</summary>
public sealed record TaskOutlook(
    string TaskId, string StepId, string StepName, StepKind Kind, string Role, string RoleName, IReadOnlyList<RosterMember> Holders,
    string? Description, DateTimeOffset EnteredAt, DeadlineOutlook? Deadline, IReadOnlyList<string> RiskPointIds,
    IReadOnlyList<ActionOutlook> Actions, VoteOutlook? Vote);
