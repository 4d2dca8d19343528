using System.Collections.Immutable;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Cases;

/// <summary>
/// The holder's action on a task with signers added after them: taken and checked, but the case moves on only when
/// every such signer has signed.
/// </summary>
public sealed record PendingCompletion(
    string ActionId, string? Opinion, ImmutableDictionary<string, Value> Delta, string ActorId, string? OnBehalfOf, DateTimeOffset At);
