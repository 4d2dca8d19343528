using System.Collections.Immutable;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Cases;

/// <summary>
/// A notice or decision the case has issued: which, its sequence among the case's documents of that kind, the action
/// that issued it, when and by whom, and the data and opinion given with it (the missing items of a correction notice …).
/// </summary>
public sealed record IssuedDocument(
    DocumentKind Kind, int Sequence, string TaskId, string StepId, string ActionId, DateTimeOffset IssuedAt, string ActorId, string ActorName,
    string? Opinion, ImmutableDictionary<string, Value> Data);
