namespace WorkflowEngine.Store.Persistence.Records;

/// <summary>An entry of the risk ledger (风险台帐).</summary>
public sealed class RiskEventRecord
{
    public long Id { get; set; }
    public required string CaseId { get; set; }
    public required string DefinitionId { get; set; }
    public required string RiskPointId { get; set; }
    public required int Level { get; set; }
    public required string RiskText { get; set; }
    public required string CheckName { get; set; }
    public required string StepId { get; set; }
    public required string StepName { get; set; }
    public string? TaskId { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public required DateTimeOffset At { get; set; }
    public required string Message { get; set; }
    /// <summary><see cref="RiskOutcomes.Recorded"/> (the action went ahead) or <see cref="RiskOutcomes.Blocked"/> (a check refused it).</summary>
    public string Outcome { get; set; } = RiskOutcomes.Recorded;
}

public static class RiskOutcomes
{
    public const string Recorded = "recorded";
    public const string Blocked = "blocked";
}
