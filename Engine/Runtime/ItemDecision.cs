namespace WorkflowEngine.Engine.Runtime;

/// <summary>One item's decision in a batch case, as the actor submits it: the item's key, grant (准予) or deny (不予), and the ground (理由和依据; required for deny).</summary>
public sealed record ItemDecision(string Key, string Decision, string? Ground);
