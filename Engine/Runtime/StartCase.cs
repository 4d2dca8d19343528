using System.Collections.Immutable;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

public sealed record StartCase(string CaseId, ImmutableDictionary<string, Value> Data) : Command;
