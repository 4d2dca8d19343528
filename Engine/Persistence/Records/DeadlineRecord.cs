namespace WorkflowEngine.Engine.Persistence.Records;

/// <summary>
/// An open time limit of a case — statutory, promised or one step's — with its due and warning instants.
/// Supervisors' lists read these; they are rewritten from the case state on every change.
/// </summary>
public sealed class DeadlineRecord
{
    public required string CaseId { get; set; }
    /// <summary>"statutory", "promised", or the task id for a step limit.</summary>
    public required string LimitKey { get; set; }
    public required string Limit { get; set; }
    public string? TaskId { get; set; }
    public string? StepId { get; set; }
    public required string DefinitionId { get; set; }
    public required string Duration { get; set; }
    public required DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? WarnAt { get; set; }
    public bool Provisional { get; set; }
    public bool Paused { get; set; }
}
