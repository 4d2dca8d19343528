using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>The command was refused and nothing changed. The message is for the official (Chinese).</summary>
public sealed record Refused(RefusalCode Code, string Message, string? RiskPointId = null, string? CheckName = null) : CommandResult;
