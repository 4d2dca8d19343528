using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>A step whose holders choose one of its named actions: a task, or a wait's objection actions.</summary>
public abstract class ActingStep : StepDefinition
{
    public IReadOnlyList<ActionDefinition> Actions { get; init; } = [];

    public ActionDefinition? FindAction(string id) => Actions.FirstOrDefault(a => a.Id == id);

    protected IEnumerable<(string, SourceLocation)> ActionTargets => Actions.Where(a => a.To is not null).Select(a => (a.To!, a.At("to")));
}

/// <summary>A post acts and chooses one of the named actions.</summary>
public sealed class TaskStep : ActingStep
{
    public override StepKind Kind => StepKind.Task;
    public required string Role { get; init; }
    public TimeoutRule? OnTimeout { get; init; }
    /// <summary>Whether the holder may add a signer (加签) before or after themselves on this step.</summary>
    public bool AddSigner { get; init; }

    public override IEnumerable<(string, SourceLocation)> Targets => ActionTargets;
}

public sealed class Route : DefinitionElement
{
    public required string When { get; init; }
    public required string To { get; init; }
    /// <summary>Set by validation.</summary>
    public ParsedExpression? Condition { get; init; }
}

/// <summary>Automatic routing: the first route whose condition holds, otherwise the default.</summary>
public sealed class DecisionStep : StepDefinition
{
    public override StepKind Kind => StepKind.Decision;
    public required IReadOnlyList<Route> Routes { get; init; }
    public required string Otherwise { get; init; }

    public override IEnumerable<(string, SourceLocation)> Targets =>
        Routes.Select(r => (r.To, r.At("to"))).Append((Otherwise, At("otherwise")));
}

public sealed class ParallelStep : StepDefinition
{
    public override StepKind Kind => StepKind.Parallel;
    public required IReadOnlyList<string> Branches { get; init; }
    public required string Join { get; init; }

    public override IEnumerable<(string, SourceLocation)> Targets => Branches.Select(b => (b, At("branches")));
}

public enum JoinMode { All, Any }

public sealed class JoinStep : StepDefinition
{
    public override StepKind Kind => StepKind.Join;
    public JoinMode Mode { get; init; } = JoinMode.All;
    public required string Next { get; init; }

    public override IEnumerable<(string, SourceLocation)> Targets => [(Next, At("next"))];
}

/// <summary>A timed period such as 公示 7 天: objections route elsewhere, the end of the period continues.</summary>
public sealed class WaitStep : ActingStep
{
    public override StepKind Kind => StepKind.Wait;
    public required Period Period { get; init; }
    public required string Next { get; init; }

    public override IEnumerable<(string, SourceLocation)> Targets => ActionTargets.Append((Next, At("next")));
}

public enum EndOutcome { Completed, Granted, Denied, Withdrawn, Terminated }

public sealed class EndStep : StepDefinition
{
    public override StepKind Kind => StepKind.End;
    public required EndOutcome Outcome { get; init; }

    public override IEnumerable<(string, SourceLocation)> Targets => [];
}
