namespace WorkflowEngine.Store.Persistence.Records;

public static class AlertStatus
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
}

/// <summary>A yellow (warning) or red (overdue) card for supervisors. One per case, limit, step and level.</summary>
public sealed class AlertRecord
{
    public long Id { get; set; }
    public required string CaseId { get; set; }
    public required string CaseNo { get; set; }
    public required string CaseTitle { get; set; }
    public required string DefinitionId { get; set; }
    /// <summary>The task id for a step limit, empty for a case limit (so the uniqueness key has no nulls).</summary>
    public required string TaskKey { get; set; }
    public string? StepId { get; set; }
    public string? StepName { get; set; }
    public required string Limit { get; set; }
    public required string Level { get; set; }
    public required DateTimeOffset DueAt { get; set; }
    public required DateTimeOffset RaisedAt { get; set; }
    public bool Provisional { get; set; }
    public required string Status { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
}
