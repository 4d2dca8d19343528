namespace WorkflowEngine.Store.Persistence.Records;

/// <summary>An open step of a case, for work lists (待办), with the step's own time limit. Derived from the case state.</summary>
public sealed class TaskRecord
{
    public required string CaseId { get; set; }
    public required string TaskId { get; set; }
    public required string StepId { get; set; }
    public required string StepName { get; set; }
    public required string Kind { get; set; }
    public required string Role { get; set; }
    /// <summary>For a task an approver rule named people to: ",id1,id2," (those still to act); null for a post's task.</summary>
    public string? Assignees { get; set; }
    public required string DefinitionId { get; set; }
    public required DateTimeOffset EnteredAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? WarnAt { get; set; }
    public bool Provisional { get; set; }
    /// <summary>The one person who acts on the task now (a transferee, or an added signer whose turn it is); null: its post's holders.</summary>
    public string? AssignedTo { get; set; }
}

/// <summary>One person a task is named to (an approver rule, 会签): the index of their named tasks.</summary>
public sealed class TaskAssigneeRecord
{
    public required string UserId { get; set; }
    public required string CaseId { get; set; }
    public required string TaskId { get; set; }
}
