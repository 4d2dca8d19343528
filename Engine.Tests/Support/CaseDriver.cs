using System.Collections.Immutable;
using System.Globalization;
using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Tests.Support;

/// <summary>
/// Drives one case through the pure runtime the way the host does: keeps the state, the whole history,
/// the risk ledger and the alerts, and fires due timers in order when the clock moves.
/// </summary>
internal sealed class CaseDriver
{
    private readonly WorkflowRuntime _runtime;

    public CaseDriver(FlowDefinition definition, DateTimeOffset start, WorkCalendar? calendar = null, IRoster? roster = null)
    {
        Definition = definition;
        Now = start;
        _runtime = new WorkflowRuntime(new RuntimeEnvironment(calendar ?? Repo.Calendar, RiskCheckRegistry.CreateDefault(), roster ?? People.Roster));
    }

    public FlowDefinition Definition { get; }
    public DateTimeOffset Now { get; private set; }
    public CaseState State { get; private set; } = null!;
    public IReadOnlyList<TimerRequest> Timers { get; private set; } = [];
    public List<CaseEvent> History { get; } = [];
    public List<RiskEvent> Ledger { get; } = [];
    public List<AlertSignal> Alerts { get; } = [];
    public List<DateTimeOffset> AlertTimes { get; } = [];

    public WorkflowRuntime Runtime => _runtime;

    public static ImmutableDictionary<string, Value> Data(object? data) =>
        data is null ? ImmutableDictionary<string, Value>.Empty
        : JObject.FromObject(data).Properties().ToImmutableDictionary(p => p.Name, p => Value.FromJToken(p.Value));

    public CommandResult Try(Command command, Actor actor)
    {
        var result = _runtime.Execute(Definition, command is StartCase ? null : State, command, actor, Now);
        if (result is Applied applied)
        {
            State = applied.State;
            Timers = applied.Timers;
            History.AddRange(applied.Events);
            Ledger.AddRange(applied.RiskEvents);
            Alerts.AddRange(applied.Alerts);
            AlertTimes.AddRange(applied.Alerts.Select(_ => Now));
        }
        return result;
    }

    public Applied Must(Command command, Actor actor)
    {
        var result = Try(command, actor);
        if (result is not Applied applied)
        {
            Assert.Fail($"Expected {command.GetType().Name} by {actor.Name} to apply, got {result}");
            return null!;
        }
        return applied;
    }

    public CaseDriver Start(object data, Actor actor)
    {
        Must(new StartCase("case-1", Data(data)), actor);
        return this;
    }

    public ActiveStep Task(string stepId) =>
        State.Active.SingleOrDefault(a => a.StepId == stepId)
        ?? throw new AssertionException($"No open step '{stepId}'. Open: {string.Join(", ", State.Active.Select(a => a.StepId))}");

    public CommandResult TryAct(string stepId, string action, Actor actor, object? data = null, string? opinion = "同意") =>
        Try(new TakeAction(Task(stepId).TaskId, action, Data(data), opinion), actor);

    public CaseDriver Act(string stepId, string action, Actor actor, object? data = null, string? opinion = "同意")
    {
        Must(new TakeAction(Task(stepId).TaskId, action, Data(data), opinion), actor);
        return this;
    }

    public Refused Refused(CommandResult result)
    {
        result.Should().BeOfType<Refused>();
        return (Refused)result;
    }

    public IEnumerable<string> OpenSteps => State.Active.Select(a => a.StepId);

    /// <summary>Moves the clock, firing every timer that falls due on the way, earliest first.</summary>
    public CaseDriver AdvanceTo(DateTimeOffset target)
    {
        while (true)
        {
            var next = Timers.Where(t => t.FireAt <= target).OrderBy(t => t.FireAt).FirstOrDefault();
            if (next is null) break;
            Now = next.FireAt > Now ? next.FireAt : Now;
            var result = Try(new FireTimer(next.Key), Actor.System);
            if (result is not Applied)
                Assert.Fail($"Timer {next.Key} due {next.FireAt} did not apply: {result}");
        }
        if (target > Now) Now = target;
        return this;
    }

    public CaseDriver AdvanceTo(string iso) => AdvanceTo(At(iso));

    public CaseDriver SetTime(string iso)
    {
        Now = At(iso);
        return this;
    }

    public static DateTimeOffset At(string iso) =>
        iso.Length == 10
            ? new DateTimeOffset(DateTime.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddHours(10), WorkCalendar.ChinaOffset)
            : DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public Deadline Deadline(LimitKind kind) => _runtime.Deadlines(Definition, State, Now).Single(d => d.Kind == kind && d.TaskId is null);
}
