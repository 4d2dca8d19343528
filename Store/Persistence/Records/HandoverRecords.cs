namespace WorkflowEngine.Store.Persistence.Records;

/// <summary>A stand-in (委托): organisation data, read into the roster the runtime uses. Posts null: all of the principal's posts.</summary>
public sealed class DelegationRecord
{
    public required string Id { get; set; }
    public required string PrincipalId { get; set; }
    public required string StandInId { get; set; }
    /// <summary>The posts delegated, separated by ';', or null for all.</summary>
    public string? Posts { get; set; }
    public required DateTimeOffset FromAt { get; set; }
    public required DateTimeOffset ToAt { get; set; }
    public required string Reason { get; set; }
    public required string CreatedBy { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public IReadOnlySet<string>? PostSet => Posts is null ? null : Posts.Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
}

/// <summary>An urge (督办) or escalation of a case, derived from the case state for the lists.</summary>
public sealed class UrgeRecord
{
    public required string CaseId { get; set; }
    public required string UrgeId { get; set; }
    public required string Kind { get; set; }
    public string? TaskId { get; set; }
    public required string ById { get; set; }
    public required string ByName { get; set; }
    public required string Message { get; set; }
    public required DateTimeOffset At { get; set; }
    public required DateTimeOffset ReplyBy { get; set; }
    public string? AddressedTo { get; set; }
    public string? AddressedName { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredByName { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public bool Late { get; set; }
}
