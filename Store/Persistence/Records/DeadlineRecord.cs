namespace WorkflowEngine.Store.Persistence.Records;

/// <summary>
/// A case-level time limit of an open case — statutory (法定时限) or promised (承诺时限) — with its due and
/// warning instants. Step limits are on the task rows. Derived from the case state.
/// </summary>
public sealed class DeadlineRecord
{
    public required string CaseId { get; set; }
    /// <summary>"statutory" or "promised".</summary>
    public required string Limit { get; set; }
    public required string DefinitionId { get; set; }
    public required string Duration { get; set; }
    public required DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? WarnAt { get; set; }
    public bool Provisional { get; set; }
    public bool Paused { get; set; }
}
