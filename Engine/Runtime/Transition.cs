using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Outlook;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>
/// One command being applied: holds the evolving state and what happened. Any refusal is thrown and
/// discards everything, so a command is applied whole or not at all.
/// </summary>
internal sealed partial class Transition
{
    private const int MaxAutomaticSteps = 200;

    private readonly FlowDefinition _def;
    private readonly RuntimeEnvironment _env;
    private readonly Actor _actor;
    private readonly DateTimeOffset _now;
    private readonly List<CaseEvent> _events = [];
    private readonly List<RiskEvent> _risks = [];
    private readonly List<AlertSignal> _alerts = [];
    private int _automaticSteps;
    /// <summary>The person the actor acts for through a delegation (委托), once a gate found one; null when acting for themselves.</summary>
    private RosterMember? _principal;
    /// <summary>Set by a deemed outcome whose clock counts from the day the materials arrived.</summary>
    private bool _clockFromCaseStart;

    public Transition(FlowDefinition definition, CaseState? state, RuntimeEnvironment environment, Actor actor, DateTimeOffset now)
    {
        _def = definition;
        _env = environment;
        _actor = actor;
        _now = now;
        State = state!;
    }

    public CaseState State { get; private set; }

    /// <summary>Evaluates a definition's condition; one that cannot be computed refuses the command, naming <paramref name="what"/>.</summary>
    private bool Holds(ParsedExpression condition, IReadOnlyDictionary<string, Value> data, string what)
    {
        try
        {
            return condition.EvaluateCondition(new ExpressionScope(data, _def.Constants));
        }
        catch (ExpressionEvaluationException e)
        {
            throw Refuse.Because(RefusalCode.ConditionFailed, $"{what}无法计算：{e.Message}");
        }
    }

    public Applied Finish()
    {
        SyncPause();
        State = State with { Version = State.Version + 1 };
        var timers = new DeadlineCalculator(_def, _env.Calendar).Timers(State);
        return new Applied(State, _events, _risks, _alerts, timers);
    }

    private void Record(string type, string summary, ActiveStep? task = null, string? actionId = null, string? opinion = null,
        ImmutableDictionary<string, Value>? data = null, Actor? actor = null)
    {
        var who = actor ?? _actor;
        if (who.Id != Actor.System.Id && !State.Participants.Contains(who.Id)) State = State with { Participants = State.Participants.Add(who.Id) };
        var name = ReferenceEquals(who, _actor) ? Who : who.Name;
        _events.Add(new CaseEvent(type, _now, who.Id, name, task?.TaskId, task?.StepId, actionId, opinion,
            data ?? ImmutableDictionary<string, Value>.Empty, summary));
    }

    public void EnsureCanChange(long? expectedVersion)
    {
        if (State.DefinitionId != _def.Id || State.DefinitionVersion != _def.Version)
            throw Refuse.Because(RefusalCode.WrongDefinition,
                $"案件属于流程“{State.DefinitionId}”第 {State.DefinitionVersion} 版，不能用第 {_def.Version} 版办理。");
        if (State.IsClosed) throw Refuse.Because(RefusalCode.CaseClosed, "案件已办结，不能再办理。");
        if (expectedVersion is { } v && v != State.Version)
            throw Refuse.Because(RefusalCode.StaleVersion, $"案件已被他人更新（当前第 {State.Version} 版，您看到的是第 {v} 版），请刷新后重试。");
    }

    public ActiveStep FindTask(string taskId) =>
        State.FindActive(taskId) ?? throw Refuse.Because(RefusalCode.UnknownTask, $"待办“{taskId}”不存在或已办结。");

    private void RequireRole(string role, string what)
    {
        if (!_actor.Holds(role))
            throw Refuse.Because(RefusalCode.WrongRole, $"{what}须由“{_def.RoleName(role)}”岗位办理，您没有该岗位。");
    }

    // ---- starting ------------------------------------------------------------------------------

    public void Start(StartCase command)
    {
        var first = _def.Step(_def.StartStepId);
        var starter = first switch { TaskStep { Role.Length: > 0 } t => t.Role, VoteStep v => v.RecorderRole ?? v.MembersRole, _ => null };
        if (starter is not null) RequireRole(starter, $"启动“{_def.Name}”（首个环节“{first.Name}”）");
        CaseData.Validate(_def, command.Data);
        CaseData.RequireAtStart(_def, command.Data);
        var data = command.Data.RemoveRange(command.Data.Where(p => p.Value.IsNull).Select(p => p.Key));
        State = new CaseState
        {
            CaseId = command.CaseId, DefinitionId = _def.Id, DefinitionVersion = _def.Version, Version = 0,
            StartedAt = _now, StartedBy = _actor.Id, Data = BatchLedger.Sync(_def, ImmutableDictionary<string, Value>.Empty, data),
        };
        Record(EventTypes.CaseStarted, $"{_actor.Name} 启动“{_def.Name}”", data: State.Data);
        if (_def.Limits?.ClockStartsAt is null && _def.Limits is not null) StartClock();
        EnterStep(_def.StartStepId, "");
    }

    // ---- acting on a task ----------------------------------------------------------------------

    public void Act(TakeAction command)
    {
        var task = FindTask(command.TaskId);
        var step = _def.Step(task.StepId);
        var action = GateAction(task, command.ActionId);
        if (action.Opinion == OpinionRule.Required && string.IsNullOrWhiteSpace(command.Opinion))
            throw Refuse.Because(RefusalCode.OpinionRequired, $"办理“{action.Name}”须填写办理意见。");
        if (action.Opinion == OpinionRule.None && !string.IsNullOrWhiteSpace(command.Opinion))
            throw Refuse.Because(RefusalCode.InvalidData, $"“{action.Name}”不填写办理意见。");
        CaseData.RequireShortText(command.Opinion, "办理意见");
        CaseData.Validate(_def, command.Data);
        var data = BatchLedger.Sync(_def, State.Data, CaseData.Merge(State.Data, command.Data));
        CaseData.RequireForAction(_def, action, data);
        var delta = command.Data;
        if (_def.Batch?.Decides(step.Id, action.Id) == true)
        {
            data = BatchLedger.Decide(_def, data, command.Items, action, task, _actor, _now);
            delta = delta.SetItem(BatchRule.DataKey, data[BatchRule.DataKey]);
        }
        else if (command.Items is { Count: > 0 })
            throw Refuse.Because(RefusalCode.InvalidData, $"“{action.Name}”不逐项作出决定，请勿提交逐项决定（items）。");

        if (action.Extend is { } extend)
        {
            Extend(task, step, action, extend, command.Opinion, delta, data);
            return;
        }
        if (Countersign(task, step, action, command.Opinion, delta, data)) return;
        if (task.PendingSigners.Any(s => s.Position == SignerPosition.After))
        {
            HoldForSigners(task, step, action, command.Opinion, delta, data);
            return;
        }
        Complete(task, step, action, action.Id, action.To!, command.Opinion, delta, data, bySystem: false);
    }

    /// <summary>
    /// What does not depend on the data and opinion given: the action exists, a person may take it, the actor holds
    /// its post and the case's state allows it. Shared by <see cref="Act"/> and the outlook.
    /// </summary>
    public ActionDefinition GateAction(ActiveStep task, string actionId)
    {
        var step = _def.Step(task.StepId);
        var actions = (step as ActingStep)?.Actions ?? [];
        var action = (step as ActingStep)?.FindAction(actionId)
            ?? throw Refuse.Because(RefusalCode.UnknownAction,
                $"“{step.Name}”环节没有动作“{actionId}”，可办理：{string.Join("、", actions.Where(a => !a.SystemOnly).Select(a => $"{a.Name}（{a.Id}）"))}。");
        if (action.SystemOnly)
            throw Refuse.Because(RefusalCode.NotAllowedNow, $"“{action.Name}”由系统在期满时自动办理，不能手工办理。");
        _principal = ActingFor(task, action.Role ?? (step as TaskStep)?.Role ?? "", $"“{step.Name}”环节的“{action.Name}”");
        if (task.SignerDue is { } due)
            throw Refuse.Because(RefusalCode.NotAllowedNow, $"“{step.Name}”环节已加签，须待加签人 {due.Name} 签署后方可办理。");
        if (action.Extend is { } extend) GateExtension(extend);
        return action;
    }

    /// <summary>Finishes a step instance: runs its completion checks, records it, and moves on.</summary>
    /// <param name="signed">The holder's action that waited for the signers after them: already checked and recorded.</param>
    private void Complete(ActiveStep task, StepDefinition step, ActionDefinition? action, string resultId, string to, string? opinion,
        ImmutableDictionary<string, Value> delta, ImmutableDictionary<string, Value> data, bool bySystem, PendingCompletion? signed = null)
    {
        if (signed is null) RunChecks(step, CheckPhase.Complete, task, action, data, flagOnly: bySystem);
        var (actorId, onBehalfOf) = signed is null ? (_actor.Id, _principal?.Id) : (signed.ActorId, signed.OnBehalfOf);
        var actorName = signed is null ? _actor.Name : _env.Roster.NameOf(signed.ActorId) ?? signed.ActorId;
        State = State with
        {
            Data = data,
            Active = State.Active.Remove(task),
            Trail = State.Trail.Add(new TrailEntry(task.TaskId, step.Id, resultId, actorId, task.EnteredAt, _now, bySystem, onBehalfOf)),
        };
        if (action is not null && !bySystem && signed is null)
            Record(EventTypes.ActionTaken, $"{Who} 在“{step.Name}”环节办理“{action.Name}”", task, action.Id, opinion, delta);
        if (action is not null) Issue(task, step, action, opinion, delta, actorId, actorName);
        if (action is not null) IssueForItems(task, step, action, opinion, delta, actorId, actorName);
        if (action?.RestartsClock == true) RestartClock();
        EnterStep(to, task.BranchPath);
    }

    /// <summary>Records the document the action issues, if it issues one.</summary>
    private void Issue(ActiveStep task, StepDefinition step, ActionDefinition action, string? opinion, ImmutableDictionary<string, Value> delta,
        string actorId, string actorName)
    {
        if (DocumentKinds.Of(_def, step, action) is not { } kind) return;
        State = State with
        {
            Documents = State.Documents.Add(new IssuedDocument(kind, State.Documents.Count(d => d.Kind == kind) + 1, task.TaskId, step.Id,
                action.Id, _now, actorId, actorName, opinion, delta)),
        };
    }

    /// <summary>
    /// At a batch decide point: records the items decided at this task in the history and issues one 准予 or 不予 decision
    /// per item, each its own document (and so its own number).
    /// </summary>
    private void IssueForItems(ActiveStep task, StepDefinition step, ActionDefinition action, string? opinion, ImmutableDictionary<string, Value> delta,
        string actorId, string actorName)
    {
        if (_def.Batch?.Decides(step.Id, action.Id) != true) return;
        var decided = BatchLedger.Items(_def, State.Data).Where(i => i.TaskId == task.TaskId && State.Documents.All(d => d.ItemKey != i.Key)).ToList();
        if (decided.Count == 0) return;
        Record(EventTypes.ItemsDecided, $"逐项作出决定：{BatchLedger.Summary(_def, decided)}", task, action.Id,
            data: ImmutableDictionary<string, Value>.Empty.Add(BatchRule.DataKey, State.Data[BatchRule.DataKey]),
            actor: new Actor(actorId, actorName, new HashSet<string>()));
        foreach (var item in decided)
        {
            var kind = item.IsGranted ? DocumentKind.GrantDecision : DocumentKind.DenialDecision;
            State = State with
            {
                Documents = State.Documents.Add(new IssuedDocument(kind, State.Documents.Count(d => d.Kind == kind) + 1, task.TaskId, step.Id,
                    action.Id, _now, actorId, actorName, opinion, delta, item.Key)),
            };
        }
    }

    // ---- entering steps ------------------------------------------------------------------------

    private void EnterStep(string stepId, string branchPath)
    {
        if (++_automaticSteps > MaxAutomaticSteps)
            throw Refuse.Because(RefusalCode.ConditionFailed, "流程在自动环节之间循环，无法继续：请流程管理员检查决策环节的条件。");
        var step = _def.Step(stepId);
        if (_def.Limits is { } limits)
        {
            if (limits.ClockStartsAt == stepId && State.Clock.StartedAt is null) StartClock();
            if (limits.ClockStopsAt.Contains(stepId)) StopClock();
        }
        var opens = step.OpensTask;
        var instance = new ActiveStep(opens ? NewTaskId() : "", step.Id, _now, branchPath);
        RunChecks(step, CheckPhase.Enter, instance, null, State.Data, flagOnly: false);

        switch (step)
        {
            case TaskStep task:
                var assigned = Assign(instance, task);
                Open(assigned, step);
                Inform(assigned, task);
                break;
            case WaitStep:
                Open(instance, step);
                break;
            case VoteStep vote:
                Open(instance with { Vote = OpenVote(vote, 1) }, step);
                break;
            case DecisionStep decision:
                Route(decision, branchPath);
                break;
            case ParallelStep parallel:
                Record(EventTypes.Routed, $"“{parallel.Name}”：并行办理 {parallel.Branches.Count} 个分支", instance);
                for (var i = 0; i < parallel.Branches.Count; i++)
                    EnterStep(parallel.Branches[i], $"{branchPath}/{parallel.Id}:{i}");
                break;
            case JoinStep join:
                Arrive(join, branchPath);
                break;
            case EndStep end:
                Close(end);
                break;
        }
    }

    private string NewTaskId()
    {
        var id = "t" + State.NextTaskNumber;
        State = State with { NextTaskNumber = State.NextTaskNumber + 1 };
        return id;
    }

    private void Open(ActiveStep instance, StepDefinition step)
    {
        State = State with { Active = State.Active.Add(instance) };
        var who = step switch
        {
            TaskStep { Assignee.Kind: AssigneeKind.Post } t => $"，办理岗位：{_def.RoleName(t.Role)}",
            TaskStep t => $"，办理人：{t.Assignee.ToChinese(_def)}（{string.Join("、", (instance.Assignees ?? []).Select(p => _env.Roster.NameOf(p) ?? p))}）",
            VoteStep v => $"，参会：{_def.RoleName(v.MembersRole)}",
            WaitStep w => $"，期限 {w.Period.ToChinese()}",
            _ => "",
        };
        var limit = step.TimeLimit is { } l ? $"，时限 {l.Describe(_def.FieldLabel)}" : "";
        var sign = step.SignMode == SignMode.All ? "，会签" : "";
        Record(EventTypes.StepEntered, $"进入“{step.Name}”环节{who}{sign}{limit}", instance);
    }

    private void Route(DecisionStep decision, string branchPath)
    {
        var target = decision.Otherwise;
        var reason = "其他情形";
        foreach (var route in decision.Routes)
        {
            if (Holds(route.Condition!, State.Data, $"“{decision.Name}”的条件“{route.When}”"))
            {
                target = route.To;
                reason = route.When;
                break;
            }
        }
        Record(EventTypes.Routed, $"“{decision.Name}”：{reason} → “{_def.Step(target).Name}”", actor: Actor.System);
        EnterStep(target, branchPath);
    }

    private void Arrive(JoinStep join, string branchPath)
    {
        var cut = branchPath.LastIndexOf('/');
        var parentPath = cut < 0 ? "" : branchPath[..cut];
        var key = $"{join.Id}@{parentPath}";
        var split = _def.Steps.OfType<ParallelStep>().First(p => p.Join == join.Id);
        var arrived = State.JoinArrivals.GetValueOrDefault(key) + 1;
        if (join.Mode == JoinMode.All && arrived < split.Branches.Count)
        {
            State = State with { JoinArrivals = State.JoinArrivals.SetItem(key, arrived) };
            return;
        }
        State = State with { JoinArrivals = State.JoinArrivals.Remove(key) };
        if (join.Mode == JoinMode.Any) CancelWhere(a => a.BranchPath.StartsWith($"{parentPath}/{split.Id}:", StringComparison.Ordinal), join.Name);
        Record(EventTypes.Routed, $"“{join.Name}”：分支汇聚，继续办理", actor: Actor.System);
        EnterStep(join.Next, parentPath);
    }

    private void CancelWhere(Func<ActiveStep, bool> predicate, string because)
    {
        foreach (var active in State.Active.Where(predicate).ToList())
        {
            State = State with { Active = State.Active.Remove(active) };
            Record(EventTypes.StepCancelled, $"“{_def.Step(active.StepId).Name}”环节因“{because}”不再办理", active, actor: Actor.System);
        }
    }

    private void Close(EndStep end)
    {
        CancelWhere(_ => true, end.Name);
        StopClock();
        State = State with { Status = CaseStatus.Closed, EndStepId = end.Id, Outcome = end.Outcome, ClosedAt = _now };
        Record(EventTypes.CaseClosed, $"案件办结：{end.Name}", actor: Actor.System);
    }

    // ---- withdrawal and timers -----------------------------------------------------------------

    public void Withdraw(Withdraw command)
    {
        var rule = GateWithdrawal();
        if (string.IsNullOrWhiteSpace(command.Reason))
            throw Refuse.Because(RefusalCode.OpinionRequired, "撤回申请须写明理由。");
        CaseData.RequireShortText(command.Reason, "撤回理由");
        Record(EventTypes.Withdrawn, $"{_actor.Name} 办理撤回申请", opinion: command.Reason);
        EnterStep(rule.To, "");
    }

    /// <summary>Whether the actor may withdraw the application now, whatever reason is given.</summary>
    public WithdrawalRule GateWithdrawal()
    {
        var rule = _def.Withdrawal ?? throw Refuse.Because(RefusalCode.NotAllowedNow, "本流程不允许撤回申请。");
        RequireRole(rule.Role, "撤回申请");
        var blocking = State.Active.FirstOrDefault(a => !rule.AllowsAt(a.StepId));
        if (blocking is not null)
            throw Refuse.Because(RefusalCode.NotAllowedNow, $"案件处于“{_def.Step(blocking.StepId).Name}”环节，已不能撤回。");
        return rule;
    }

    public CommandResult? Fire(FireTimer command)
    {
        var timer = new DeadlineCalculator(_def, _env.Calendar).Timers(State).FirstOrDefault(t => t.Key == command.Key);
        if (timer is null) return new Unchanged("该定时已不再需要或已处理。");
        if (timer.FireAt > _now) return new Unchanged("尚未到期。");
        switch (timer.Kind)
        {
            case TimerKind.Warning or TimerKind.Overdue:
                RaiseAlert(timer);
                break;
            case TimerKind.Timeout:
                TimeOut(FindTask(timer.TaskId!));
                break;
            case TimerKind.WaitEnd:
                EndWait(FindTask(timer.TaskId!));
                break;
            case TimerKind.UrgeDue:
                UrgeOverdue(command.Key[(TimerKeys.UrgeDue("").Length)..]);
                break;
        }
        return null;
    }

    private void RaiseAlert(TimerRequest timer)
    {
        var level = timer.Kind == TimerKind.Warning ? DeadlineLevel.Yellow : DeadlineLevel.Red;
        State = State with { RaisedAlerts = State.RaisedAlerts.Add(timer.Key) };
        _alerts.Add(new AlertSignal(level, timer.Limit!.Value, timer.TaskId, timer.StepId, timer.DueAt, timer.Provisional));
        var what = timer.Limit switch
        {
            LimitKind.Statutory => "法定时限",
            LimitKind.Promised => "承诺时限",
            _ => $"“{_def.Step(timer.StepId!).Name}”环节时限",
        };
        var summary = level == DeadlineLevel.Yellow
            ? $"黄牌预警：{what}将于 {timer.DueAt:yyyy-MM-dd HH:mm} 届满"
            : $"红牌：{what}已于 {timer.DueAt:yyyy-MM-dd HH:mm} 届满，已超期";
        Record(EventTypes.AlertRaised, summary + (timer.Provisional ? "（暂定）" : ""),
            timer.TaskId is null ? null : State.FindActive(timer.TaskId), actor: Actor.System);
    }

    private void TimeOut(ActiveStep task)
    {
        var step = (TaskStep)_def.Step(task.StepId);
        var rule = step.OnTimeout!;
        var action = step.FindAction(rule.ActionId)!;
        Record(EventTypes.DeemedOutcome, $"“{step.Name}”环节期满未办理，{rule.Label}", task, action.Id);
        _clockFromCaseStart = rule.ClockFromCaseStart;
        Complete(task, step, action, action.Id, action.To!, null, ImmutableDictionary<string, Value>.Empty, State.Data, bySystem: true);
    }

    private void EndWait(ActiveStep task)
    {
        var wait = (WaitStep)_def.Step(task.StepId);
        Record(EventTypes.WaitEnded, $"“{wait.Name}”期满（{wait.Period.ToChinese()}）", task);
        Complete(task, wait, null, WaitResults.PeriodEnded, wait.Next, null, ImmutableDictionary<string, Value>.Empty, State.Data, bySystem: true);
    }
}
