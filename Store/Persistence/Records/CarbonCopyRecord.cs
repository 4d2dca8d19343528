namespace WorkflowEngine.Store.Persistence.Records;

/// <summary>A post a case was copied to (抄送), for the "抄送我的" list. Derived from the case state.</summary>
public sealed class CarbonCopyRecord
{
    public required string CaseId { get; set; }
    public required string Post { get; set; }
    public required string TaskId { get; set; }
    public required string StepId { get; set; }
    public required string DefinitionId { get; set; }
    public required DateTimeOffset CcAt { get; set; }
}
