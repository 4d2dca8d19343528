namespace WorkflowEngine.Store.Persistence.Records;

/// <summary>A case: its serialized state plus the columns lists and searches need. <see cref="Version"/> guards concurrent edits.</summary>
public sealed class CaseRecord
{
    public required string Id { get; set; }
    /// <summary>The human-readable number shown to officials (案件编号).</summary>
    public required string CaseNo { get; set; }
    public required string DefinitionId { get; set; }
    public required int DefinitionVersion { get; set; }
    public required string Title { get; set; }
    public required string Status { get; set; }
    public string? Outcome { get; set; }
    public required DateTimeOffset StartedAt { get; set; }
    public required string StartedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public required long Version { get; set; }
    public required string StateJson { get; set; }
    public required long HistoryCount { get; set; }
    public required string LastHash { get; set; }
    /// <summary>SHA-256 of <see cref="StateJson"/>, covered by <see cref="AnchorMac"/>; null before the case was anchored.</summary>
    public string? StateHash { get; set; }
    /// <summary>The chain key that made <see cref="AnchorMac"/>.</summary>
    public string? AnchorKeyId { get; set; }
    /// <summary>HMAC-SHA256 over the id, history count, last hash and state hash (see <c>CaseAnchor</c>).</summary>
    public string? AnchorMac { get; set; }
    /// <summary>The earliest timer the case wants; null when it wants none.</summary>
    public DateTimeOffset? NextTimerAt { get; set; }
    /// <summary>When the first of its limits (case or step) went red; null while the case is on time (DeadlineStanding.WentRedAt).</summary>
    public DateTimeOffset? LateAt { get; set; }

    public CaseRecord Copy() => (CaseRecord)MemberwiseClone();

    /// <summary>Whether every column holds the same value in both.</summary>
    public bool SameRow(CaseRecord other) =>
        Id == other.Id && CaseNo == other.CaseNo && DefinitionId == other.DefinitionId && DefinitionVersion == other.DefinitionVersion
        && Title == other.Title && Status == other.Status && Outcome == other.Outcome && StartedAt == other.StartedAt
        && StartedBy == other.StartedBy && ClosedAt == other.ClosedAt && Version == other.Version && StateJson == other.StateJson
        && HistoryCount == other.HistoryCount && LastHash == other.LastHash && StateHash == other.StateHash
        && AnchorKeyId == other.AnchorKeyId && AnchorMac == other.AnchorMac && NextTimerAt == other.NextTimerAt && LateAt == other.LateAt;
}
