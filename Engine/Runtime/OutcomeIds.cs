namespace WorkflowEngine.Engine.Runtime;

/// <summary>The action ids the trail records when a vote closes.</summary>
public static class VoteResults
{
    public const string Passed = "passed";
    public const string Rejected = "rejected";
    public const string Deferred = "deferred";
    public const string NoQuorum = "no-quorum";
}

/// <summary>The action id the trail records when a wait step's period runs out.</summary>
public static class WaitResults
{
    public const string PeriodEnded = "period-ended";
}
