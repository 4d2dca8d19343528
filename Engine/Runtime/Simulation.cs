using System.Collections.Immutable;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>Who acts in a simulation: a holder of a post, or a named user (for approver rules), or both.</summary>
public sealed record SimulatedActor(string? Post, string? User)
{
    public Actor ToActor(FlowDefinition definition, IRoster roster)
    {
        var id = User ?? $"simulated-{Post}";
        var name = User is not null ? roster.NameOf(User) ?? User : $"模拟办理人（{definition.RoleName(Post ?? "")}）";
        return new Actor(id, name, Post is null ? new HashSet<string>() : new HashSet<string> { Post });
    }
}

/// <summary>One move of a simulation: let time pass, then (when a step is named) take an action on its open task.</summary>
public sealed record SimulatedMove(string? StepId, string? ActionId, ImmutableDictionary<string, Value> Data, string? Opinion, SimulatedActor Actor, TimeSpan Advance);

public sealed record RiskPrompt(string Id, string LevelName, string Text, IReadOnlyList<string> Measures);

/// <summary>A check that would block an action of the step as the case data stood (the outlook's blocks).</summary>
public sealed record SimulatedBlock(string ActionId, string ActionName, string Reason);

/// <summary>A step the simulated case went through: when it opened and closed, how, the risk prompts shown and the blocks met.</summary>
public sealed record SimulatedStep(
    string TaskId, string StepId, string StepName, StepKind Kind, DateTimeOffset EnteredAt, DateTimeOffset? ExitedAt, string? Result,
    IReadOnlyList<RiskPrompt> Risks, IReadOnlyList<SimulatedBlock> Blocks);

public sealed record SimulatedDeadline(LimitKind Kind, string? TaskId, string? StepName, string Period, DateOnly LastDay, DateTimeOffset DueAt, bool Provisional);

/// <summary>A move the runtime refused (or could not place), with its Chinese reason; the simulation goes on without it.</summary>
public sealed record SimulatedRefusal(int Move, string? StepId, string? ActionId, DateTimeOffset At, RefusalCode Code, string Reason);

public sealed record SimulationResult(
    CaseStatus Status, DateTimeOffset EndedAt, IReadOnlyList<SimulatedStep> Path, IReadOnlyList<SimulatedDeadline> Deadlines,
    IReadOnlyList<SimulatedRefusal> Refusals, IReadOnlyList<CaseEvent> History);

/// <summary>
/// Runs a definition on a simulated clock entirely in memory, through the pure runtime: the start, then each move (time
/// passing fires the due timers in order, as the scheduler would), recording the path, every deadline with its last day
/// (the calendar's holidays and 调休 included), the risk prompts of each step and the checks that would block. Nothing is
/// stored and no timer is scheduled.
/// </summary>
public sealed class Simulation(WorkflowRuntime runtime, FlowDefinition definition)
{
    public const int MaxMoves = 200;
    private static readonly TimeSpan MaxSpan = TimeSpan.FromDays(3 * 366);

    private readonly List<CaseEvent> _history = [];
    private readonly Dictionary<(LimitKind, string?), SimulatedDeadline> _deadlines = [];
    private readonly Dictionary<string, List<SimulatedBlock>> _blocks = [];
    private readonly List<SimulatedRefusal> _refusals = [];
    private CaseState? _state;
    private DateTimeOffset _now;

    public SimulationResult Run(DateTimeOffset start, ImmutableDictionary<string, Value> data, SimulatedActor starter, IReadOnlyList<SimulatedMove> moves)
    {
        if (moves.Count > MaxMoves) throw new ArgumentException($"模拟最多 {MaxMoves} 步，实际 {moves.Count} 步。");
        if (moves.Aggregate(TimeSpan.Zero, (sum, m) => sum + m.Advance) > MaxSpan) throw new ArgumentException("模拟的时间推进合计不能超过三年。");
        _now = start;
        var roster = runtime.Environment.Roster;
        if (!Apply(0, null, null, new StartCase("simulation", data), starter.ToActor(definition, roster)))
            return Result();
        for (var i = 0; i < moves.Count; i++)
        {
            var move = moves[i];
            AdvanceBy(move.Advance);
            if (_state!.IsClosed && move.StepId is not null)
            {
                _refusals.Add(new SimulatedRefusal(i + 1, move.StepId, move.ActionId, _now, RefusalCode.CaseClosed, "案件已办结，不能再办理。"));
                continue;
            }
            if (move.StepId is null) continue;
            var task = _state.Active.FirstOrDefault(a => a.StepId == move.StepId);
            if (task is null)
            {
                var open = string.Join("、", _state.Active.Select(a => $"“{definition.Step(a.StepId).Name}”（{a.StepId}）"));
                _refusals.Add(new SimulatedRefusal(i + 1, move.StepId, move.ActionId, _now, RefusalCode.UnknownTask,
                    $"案件此时不在环节“{definition.FindStep(move.StepId)?.Name ?? move.StepId}”，当前环节：{(open.Length > 0 ? open : "无")}。"));
                continue;
            }
            Apply(i + 1, move.StepId, move.ActionId, new TakeAction(task.TaskId, move.ActionId ?? "", move.Data, move.Opinion),
                move.Actor.ToActor(definition, roster));
        }
        return Result();
    }

    /// <summary>Fires, in order, every timer due before the clock reaches its new position.</summary>
    private void AdvanceBy(TimeSpan span)
    {
        var target = _now + span;
        while (_state is { IsClosed: false } && runtime.Timers(definition, _state).Where(t => t.FireAt <= target).MinBy(t => t.FireAt) is { } timer)
        {
            _now = timer.FireAt > _now ? timer.FireAt : _now;
            if (!Apply(0, timer.StepId, null, new FireTimer(timer.Key), Actor.System)) break;
        }
        _now = target;
    }

    private bool Apply(int move, string? stepId, string? actionId, Command command, Actor actor)
    {
        var outcome = runtime.Execute(definition, _state, command, actor, _now);
        switch (outcome)
        {
            case Applied applied:
                _state = applied.State;
                _history.AddRange(applied.Events);
                Observe();
                return true;
            case Refused refused:
                _refusals.Add(new SimulatedRefusal(move, stepId, actionId, _now, refused.Code, refused.Message));
                return false;
            default:
                return false;
        }
    }

    /// <summary>After each change: the deadlines as they now stand and, for each open task, what would block its actions.</summary>
    private void Observe()
    {
        foreach (var d in runtime.Deadlines(definition, _state!, _now))
            _deadlines[(d.Kind, d.TaskId)] = new SimulatedDeadline(d.Kind, d.TaskId, d.StepId is { } s ? definition.FindStep(s)?.Name : null,
                d.Period.ToChinese(), d.LastDay, d.DueAt, d.Provisional);
        var viewer = new Actor("simulation-viewer", "模拟", definition.Roles.Select(r => r.Id).ToHashSet());
        foreach (var task in runtime.Describe(definition, _state!, viewer, _now).Tasks)
            _blocks[task.TaskId] = task.Actions.SelectMany(a => a.Blocks.Select(b => new SimulatedBlock(a.Id, a.Name, b.Reason ?? ""))).ToList();
    }

    private SimulationResult Result()
    {
        if (_state is null) return new SimulationResult(CaseStatus.Running, _now, [], [], _refusals, _history);
        var done = _state.Trail.Select(t => (t.TaskId, t.StepId, t.EnteredAt, Exited: (DateTimeOffset?)t.CompletedAt, Result: t.ActionId));
        var open = _state.Active.Select(a => (a.TaskId, a.StepId, a.EnteredAt, Exited: (DateTimeOffset?)null, Result: (string?)null));
        var path = done.Concat(open)
            .OrderBy(p => p.EnteredAt).ThenBy(p => p.TaskId.Length).ThenBy(p => p.TaskId, StringComparer.Ordinal)
            .Select(p =>
            {
                var step = definition.Step(p.StepId);
                return new SimulatedStep(p.TaskId, p.StepId, step.Name, step.Kind, p.EnteredAt, p.Exited,
                    p.Result is { } r ? (step as ActingStep)?.FindAction(r)?.Name ?? r : null,
                    step.RiskPointIds.Select(definition.FindRiskPoint).OfType<RiskPoint>()
                        .Select(rp => new RiskPrompt(rp.Id, rp.LevelName, rp.Text, rp.Measures)).ToList(),
                    _blocks.GetValueOrDefault(p.TaskId) ?? []);
            }).ToList();
        return new SimulationResult(_state.Status, _now, path, _deadlines.Values.ToList(), _refusals, _history);
    }
}
