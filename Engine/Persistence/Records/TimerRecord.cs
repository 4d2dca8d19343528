namespace WorkflowEngine.Engine.Persistence.Records;

/// <summary>A moment at which a case wants to be told time has come (warning, overdue, deemed outcome, end of a notice).</summary>
public sealed class TimerRecord
{
    public required string CaseId { get; set; }
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public required DateTimeOffset FireAt { get; set; }
    public bool Provisional { get; set; }
}
