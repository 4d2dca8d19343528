
namespace WorkflowEngine.Engine.Runtime;

/// <summary>A timer that is no longer wanted or was already handled: nothing to do.</summary>
public sealed record Unchanged(string Reason) : CommandResult;
