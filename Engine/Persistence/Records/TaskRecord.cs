namespace WorkflowEngine.Engine.Persistence.Records;

/// <summary>An open step of a case, for work lists (待办). Rewritten from the case state on every change.</summary>
public sealed class TaskRecord
{
    public required string CaseId { get; set; }
    public required string TaskId { get; set; }
    public required string StepId { get; set; }
    public required string StepName { get; set; }
    public required string Kind { get; set; }
    public required string Role { get; set; }
    public required string DefinitionId { get; set; }
    public required DateTimeOffset EnteredAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public bool Provisional { get; set; }
}
