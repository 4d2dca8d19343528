namespace WorkflowEngine.Store.Persistence.Records;

/// <summary>How many cases of one flow version closed in one China-time month ("2026-11"), and how many of them late.</summary>
public sealed class OnTimeMonthRecord
{
    public required string Month { get; set; }
    public required string DefinitionId { get; set; }
    public required int DefinitionVersion { get; set; }
    public required long Closed { get; set; }
    public required long Late { get; set; }
}
