namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>The action id the trail records when a wait step's period runs out.</summary>
public static class WaitResults
{
    public const string PeriodEnded = "period-ended";
}
