namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>The action ids the trail records when a vote closes.</summary>
public static class VoteResults
{
    public const string Passed = "passed";
    public const string Rejected = "rejected";
    public const string Deferred = "deferred";
    public const string NoQuorum = "no-quorum";
}
