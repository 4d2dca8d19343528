using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Risk;

/// <summary>What a check sees when it runs: the case before the action, the data after it, who acts and when.</summary>
public sealed class RiskCheckContext
{
    public required FlowDefinition Definition { get; init; }
    public required CaseState State { get; init; }
    public required StepDefinition Step { get; init; }
    /// <summary>The step instance; for entry checks, the one being opened.</summary>
    public required ActiveStep Task { get; init; }
    /// <summary>The action being taken (completion checks only).</summary>
    public ActionDefinition? Action { get; init; }
    public required Actor Actor { get; init; }
    /// <summary>The principal when the actor is a stand-in (委托); checks on persons consider both.</summary>
    public RosterMember? OnBehalfOf { get; init; }
    /// <summary>The case data with the action's data applied.</summary>
    public required IReadOnlyDictionary<string, Value> Data { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required WorkCalendar Calendar { get; init; }

    /// <summary>The users who finished the given step in this case, newest last.</summary>
    public IEnumerable<TrailEntry> Completions(string stepId) => State.Trail.Where(t => t.StepId == stepId);

    /// <summary>The people acting: the actor and, for a stand-in, the principal.</summary>
    public IEnumerable<string> ActingPeople => OnBehalfOf is { } p ? [Actor.Id, p.Id] : [Actor.Id];

    public Value Field(string id) => Data.TryGetValue(id, out var v) ? v : Value.Null;

    /// <summary>What a condition may read: the data and the definition's constants.</summary>
    public ExpressionScope ExpressionScope => new(Data, Definition.Constants);
}
