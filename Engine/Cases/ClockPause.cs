using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Cases;

public sealed record ClockPause(DateTimeOffset From, DateTimeOffset To, string Reason);
