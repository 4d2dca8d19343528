namespace WorkflowEngine.Store.Persistence.Records;

/// <summary>A stored history entry (see <see cref="Engine.Audit.HistoryRecord"/>), append-only and hash-chained.</summary>
public sealed class HistoryRow
{
    public required string CaseId { get; set; }
    public required long Sequence { get; set; }
    public required string Type { get; set; }
    public required DateTimeOffset At { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? TaskId { get; set; }
    public string? StepId { get; set; }
    public string? ActionId { get; set; }
    public string? Opinion { get; set; }
    public required string DataJson { get; set; }
    public required string Summary { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }

    public Engine.Audit.HistoryRecord ToRecord() =>
        new(CaseId, Sequence, Type, At, ActorId, ActorName, TaskId, StepId, ActionId, Opinion, DataJson, Summary, PreviousHash, Hash);
}
