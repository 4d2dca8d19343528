using System.Text.Json;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Api;

public sealed record LoginRequest(string? Username, string? Password);
public sealed record UserDto(string Id, string Name, string? Department, IReadOnlyList<string> Roles, IReadOnlyDictionary<string, string> RoleNames);
/// <summary>A sign-in: with <see cref="MustChangePassword"/> the token may only change the password (POST /api/auth/password).</summary>
public sealed record LoginResponse(string Token, UserDto User, bool MustChangePassword = false);
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
public sealed record LogoutAllResponse(int Ended);
public sealed record SecurityLogEntryDto(long Id, DateTimeOffset At, string Kind, string? UserId, string? ActorId, string Detail, string? RemoteAddress);

public sealed record StartCaseRequest(string? DefinitionId, JsonElement? Data);
/// <summary>An action: the data and opinion it brings, and at a batch decide point one decision per open item (<c>items</c>).</summary>
public sealed record ActionRequest(JsonElement? Data, string? Opinion, IReadOnlyList<ItemDecisionRequest>? Items = null);
/// <summary>One item's decision in a batch case: its key, grant (准予) or deny (不予), and the ground (理由和依据; required for deny).</summary>
public sealed record ItemDecisionRequest(string? Key, string? Decision, string? Ground);
public sealed record AttendRequest(string? MemberId);
public sealed record RecuseRequest(string? MemberId, string? Reason);
public sealed record OpinionRequest(string? Opinion);
/// <summary>A ballot: <c>choice</c> on the item, or for a vote on candidates <c>candidates</c> (name → for / against / abstain).</summary>
public sealed record CastRequest(string? Choice, string? Opinion, Dictionary<string, string>? Candidates = null);
public sealed record WithdrawRequest(string? Reason);
public sealed record TransferRequest(string? ToUserId, string? Reason);
public sealed record AddSignerRequest(string? UserId, string? Position, string? Reason);
public sealed record SignRequest(string? Decision, string? Opinion);
public sealed record UrgeRequest(string? TaskId, string? Message, DateTimeOffset? ReplyBy);
public sealed record AnswerRequest(string? Answer);
public sealed record DelegationRequest(string? PrincipalId, string? StandInUserId, IReadOnlyList<string>? Posts, DateTimeOffset? From, DateTimeOffset? To, string? Reason);
public sealed record AdvanceRequest(string? Duration);

public sealed record DefinitionErrorDto(string Path, int Line, string Message);

/// <summary>A catalog entry: the flow's summary and whether that version is published or still a draft.</summary>
public sealed record DefinitionListItemDto(
    string Id, int Version, string Name, string? Category, string? Description, int Steps, int OfficialSteps, string? Statutory,
    string? Promised, string StepLimitsTotal, int RiskPoints, int RiskLevel1, int Checks, string? Source, string Status)
{
    public DefinitionListItemDto(Engine.Definitions.DefinitionSummary s, string status) : this(s.Id, s.Version, s.Name, s.Category, s.Description,
        s.Steps, s.OfficialSteps, s.Statutory, s.Promised, s.StepLimitsTotal, s.RiskPoints, s.RiskLevel1, s.Checks, s.Source, status) { }
}

public sealed record DefinitionVersionDto(
    string Id, int Version, string Name, string? Category, string Status, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt,
    IReadOnlyList<string>? Warnings = null)
{
    public static DefinitionVersionDto From(DefinitionRecord r) => new(r.Id, r.Version, r.Name, r.Category, r.Status, r.CreatedAt, r.CreatedBy, r.PublishedAt);
}

public sealed record AlertDto(
    long Id, string CaseId, string CaseNo, string CaseTitle, string DefinitionId, string? TaskId, string? StepId, string? StepName,
    string Level, string Limit, DateTimeOffset DueAt, DateTimeOffset RaisedAt, bool Provisional, string Status,
    string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, IReadOnlyList<ResponsibleDto> Responsible)
{
    /// <summary>The card, naming the posts responsible and their holders (<see cref="Responsibles"/>).</summary>
    public static AlertDto From(AlertRecord a, IReadOnlyList<ResponsibleDto> responsible) => new(a.Id, a.CaseId, a.CaseNo, a.CaseTitle, a.DefinitionId,
        a.TaskKey.Length == 0 ? null : a.TaskKey, a.StepId, a.StepName, a.Level, a.Limit, a.DueAt, a.RaisedAt, a.Provisional, a.Status, a.AcknowledgedBy,
        a.AcknowledgedAt, responsible);
}

public sealed record HistoryDto(
    long Sequence, string Type, DateTimeOffset At, string ActorId, string ActorName, string? TaskId, string? StepId, string? ActionId,
    string? Opinion, JsonElement Data, string Summary, string PreviousHash, string Hash)
{
    public static HistoryDto From(Engine.Audit.HistoryRecord h) => new(h.Sequence, h.Type, h.At, h.ActorId, h.ActorName, h.TaskId, h.StepId, h.ActionId,
        h.Opinion, JsonDocument.Parse(h.DataJson).RootElement.Clone(), h.Summary, h.PreviousHash, h.Hash);
}

public sealed record WorkItemDto(
    string CaseId, string CaseNo, string Title, string DefinitionId, string DefinitionName, string TaskId, string StepId, string StepName,
    string Kind, string Role, string RoleName, DateTimeOffset EnteredAt, DateTimeOffset? DueAt, DateTimeOffset? WarnAt, bool Provisional, bool Paused,
    int? WorkingDaysLeft, Engine.Outlook.DeadlineLevel? Level, bool AssignedToMe = false, string? ActingFor = null, int OpenUrges = 0)
{
    /// <summary>Who the task goes to as the core says it (<see cref="Engine.Outlook.TaskAssignment"/>): the approver rule in words, or the post.</summary>
    public required string Assignment { get; init; }
    /// <summary>The one person the task is assigned to now (a transferee, or the added signer whose turn it is); null: the post's holders.</summary>
    public required Engine.Cases.RosterMember? AssignedTo { get; init; }
}

public sealed record CaseListItemDto(
    string Id, string CaseNo, string Title, string DefinitionId, int DefinitionVersion, string Status, string? Outcome,
    DateTimeOffset StartedAt, DateTimeOffset? ClosedAt, long Version, DateTimeOffset? DueAt, bool Provisional, bool Paused);
