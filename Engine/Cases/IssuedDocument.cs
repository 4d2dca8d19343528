using System.Collections.Immutable;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Cases;

/// <summary>
/// A notice or decision the case has issued: which, its sequence among the case's documents of that kind, the action
/// that issued it, when and by whom, and the data and opinion given with it (the missing items of a correction notice …).
/// In a batch case a 准予 / 不予 decision is issued per item: <paramref name="ItemKey"/> names the item it decides.
/// </summary>
public sealed record IssuedDocument(
    DocumentKind Kind, int Sequence, string TaskId, string StepId, string ActionId, DateTimeOffset IssuedAt, string ActorId, string ActorName,
    string? Opinion, ImmutableDictionary<string, Value> Data, string? ItemKey = null);
