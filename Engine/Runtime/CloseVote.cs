using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Runtime;

public sealed record CloseVote(string TaskId) : Command;
