using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Runtime;

public sealed record Withdraw(string Reason) : Command;
