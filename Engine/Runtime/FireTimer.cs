using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>A timer the runtime asked for has come due.</summary>
public sealed record FireTimer(string Key) : Command;
