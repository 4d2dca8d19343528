using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>An absent member's written opinion: recorded, not counted as a vote.</summary>
public sealed record SubmitWrittenOpinion(string TaskId, string Opinion) : Command;
