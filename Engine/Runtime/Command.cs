using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>What a user or the scheduler asks of a case. <see cref="ExpectedVersion"/> guards against stale edits.</summary>
public abstract record Command
{
    public long? ExpectedVersion { get; init; }
}
