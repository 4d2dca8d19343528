using System.Collections.Immutable;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

public sealed record TakeAction(string TaskId, string ActionId, ImmutableDictionary<string, Value> Data, string? Opinion) : Command;
