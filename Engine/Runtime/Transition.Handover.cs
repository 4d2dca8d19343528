using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Risk.Checks;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>
/// Who may act on a task — its post's holders, or the one holder it was transferred to, or their stand-ins — and the
/// hand-overs: transfer (转办), added signers (加签) and their signatures.
/// </summary>
internal sealed partial class Transition
{
    /// <summary>The actor's name as the history shows it: "X 代 Y" when acting for a principal.</summary>
    private string Who => _principal is { } p ? $"{_actor.Name} 代 {p.Name}" : _actor.Name;

    /// <summary>
    /// Whom the actor acts for when taking an action of post <paramref name="role"/> on <paramref name="task"/>: null for
    /// themselves, else the principal whose delegation is in force. A transferred task is acted on only by its assignee
    /// (or the assignee's stand-in); any other task by the post's holders (or a holder's stand-in). A delegation counts
    /// only from someone who holds the post themselves, so a stand-in cannot pass it on.
    /// </summary>
    private RosterMember? ActingFor(ActiveStep task, string role, string what)
    {
        var step = _def.Step(task.StepId);
        if (task.AssignedTo is { } assignee && role == step.WorkListRole)
        {
            if (_actor.Id == assignee) return null;
            return StandInFor(assignee, role)
                ?? throw Refuse.Because(RefusalCode.WrongRole, $"{what}已转办给 {task.AssignedName ?? assignee}，由其办理。");
        }
        if (_actor.Holds(role)) return null;
        foreach (var holder in _env.Roster.Holders(role))
            if (StandInFor(holder.Id, role) is { } principal) return principal;
        throw Refuse.Because(RefusalCode.WrongRole, $"{what}须由“{_def.RoleName(role)}”岗位办理，您没有该岗位。");
    }

    private RosterMember? StandInFor(string principalId, string role) =>
        _env.Roster.DelegationsTo(_actor.Id).FirstOrDefault(d => d.PrincipalId == principalId && d.Covers(role, _now)) is { } d
            ? new RosterMember(d.PrincipalId, d.PrincipalName)
            : null;

    /// <summary>For the outlook: whom the actor would act for on the task's own post (null: themselves or not at all).</summary>
    public RosterMember? ActsFor(ActiveStep task)
    {
        try
        {
            return ActingFor(task, _def.Step(task.StepId).WorkListRole, "");
        }
        catch (RefusalException)
        {
            return null;
        }
    }

    // ---- transfer (转办) ------------------------------------------------------------------------

    public void Transfer(TransferTask command)
    {
        var task = FindTask(command.TaskId);
        var (step, target) = GateTransfer(task, command.ToUserId);
        RequireReason(command.Reason, "转办");
        var from = task.AssignedName ?? _principal?.Name ?? _actor.Name;
        State = State with { Active = State.Active.Replace(task, task with { AssignedTo = target!.Id, AssignedName = target.Name }) };
        Record(EventTypes.TaskTransferred, $"转办：{Who} 将“{step.Name}”由 {from} 转交 {target.Name} 办理，理由：{command.Reason.Trim()}", task,
            opinion: command.Reason.Trim(), data: ImmutableDictionary<string, Value>.Empty.Add("from", Value.String(from)).Add("to", Value.String(target.Id)));
    }

    /// <summary>
    /// Whether the actor may transfer the task (to <paramref name="toUserId"/>, when given): a task step; the actor may act
    /// on it or heads the department of the one who would; the target is another active holder of the post whom the
    /// step's separation-of-duties checks do not exclude.
    /// </summary>
    public (TaskStep Step, RosterMember? Target) GateTransfer(ActiveStep task, string? toUserId)
    {
        var step = _def.Step(task.StepId) as TaskStep
            ?? throw Refuse.Because(RefusalCode.NotAllowedNow, $"“{_def.Step(task.StepId).Name}”不是办理环节，不能转办。");
        if (task.Pending is not null)
            throw Refuse.Because(RefusalCode.NotAllowedNow, $"“{step.Name}”环节已办理，正等待加签人签署，不能转办。");
        try
        {
            _principal = ActingFor(task, step.Role, $"“{step.Name}”");
        }
        catch (RefusalException) when (HeadsHandler(task, step))
        {
        }
        if (toUserId is null) return (step, null);
        if (string.IsNullOrWhiteSpace(toUserId)) throw Refuse.Because(RefusalCode.InvalidData, "请指定转办对象（toUserId）。");
        var current = task.AssignedTo ?? _principal?.Id ?? _actor.Id;
        if (toUserId == current || toUserId == _actor.Id) throw Refuse.Because(RefusalCode.InvalidData, "不能转办给当前办理人本人。");
        if (_env.Roster.IsDisabled(toUserId)) throw Refuse.Because(RefusalCode.InvalidData, $"人员“{toUserId}”已停用，不能接办。");
        var target = _env.Roster.Holders(step.Role).FirstOrDefault(h => h.Id == toUserId)
            ?? throw Refuse.Because(RefusalCode.InvalidData,
                $"{_env.Roster.NameOf(toUserId) ?? $"人员“{toUserId}”"}未担任“{_def.RoleName(step.Role)}”岗位，不能接办。");
        RequireSeparation(task, step, target, "不能转办");
        return (step, target);
    }

    /// <summary>Whether the actor heads the department of the task's assignee or, when unassigned, of one of its post's holders.</summary>
    private bool HeadsHandler(ActiveStep task, TaskStep step) => task.AssignedTo is { } assignee
        ? _env.Roster.Heads(_actor.Id, assignee)
        : _env.Roster.Holders(step.Role).Any(h => _env.Roster.Heads(_actor.Id, h.Id));

    /// <summary>Refuses a person whom a blocking separation-of-duties check of the step would exclude from acting on it.</summary>
    private void RequireSeparation(ActiveStep task, StepDefinition step, RosterMember person, string what)
    {
        var probe = new Transition(_def, State, _env, new Actor(person.Id, person.Name, new HashSet<string>()), _now);
        foreach (var action in (step as ActingStep)?.Actions.Where(a => !a.SystemOnly) ?? [])
        foreach (var refusal in probe.WouldBlock(task, action))
            if (refusal.CheckName == new SeparationOfDutiesCheck().Name)
                throw Refuse.Because(RefusalCode.RuleBlocked, $"{what}：{refusal.Message}", refusal.RiskPointId, refusal.CheckName);
    }

    private static void RequireReason(string? reason, string what)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw Refuse.Because(RefusalCode.OpinionRequired, $"{what}须写明理由。");
        CaseData.RequireShortText(reason, $"{what}理由");
    }

    // ---- added signers (加签) --------------------------------------------------------------------

    public void AddSigner(AddSigner command)
    {
        var task = FindTask(command.TaskId);
        var (step, signer) = GateAddSigner(task, command.UserId);
        RequireReason(command.Reason, "加签");
        var added = new AddedSigner(signer!.Id, signer.Name, command.Position, command.Reason.Trim(), _actor.Id, _now);
        State = State with { Active = State.Active.Replace(task, task with { Signers = task.PendingSigners.Add(added) }) };
        var where = command.Position == SignerPosition.Before ? "前置加签（先于本环节办理人签署）" : "后置加签（本环节办理后、流转前签署）";
        Record(EventTypes.SignerAdded, $"加签：{Who} 在“{step.Name}”环节{where}加签 {signer.Name}，理由：{command.Reason.Trim()}", task,
            opinion: command.Reason.Trim(), data: ImmutableDictionary<string, Value>.Empty.Add("signer", Value.String(signer.Id))
                .Add("position", Value.String(command.Position == SignerPosition.Before ? "before" : "after")));
    }

    /// <summary>
    /// Whether the actor may add a signer (<paramref name="userId"/>, when given): the step permits it (<c>addSigner</c>),
    /// the actor may act on the task and has not acted yet, and the signer is another active person not already signing
    /// whom the step's separation-of-duties checks do not exclude.
    /// </summary>
    public (TaskStep Step, RosterMember? Signer) GateAddSigner(ActiveStep task, string? userId)
    {
        var step = _def.Step(task.StepId);
        if (step is not TaskStep { AddSigner: true } taskStep)
            throw Refuse.Because(RefusalCode.NotAllowedNow, $"“{step.Name}”环节不允许加签。");
        _principal = ActingFor(task, taskStep.Role, $"“{step.Name}”");
        if (task.Pending is not null)
            throw Refuse.Because(RefusalCode.NotAllowedNow, $"“{step.Name}”环节已办理，正等待加签人签署，不能再加签。");
        if (userId is null) return (taskStep, null);
        if (string.IsNullOrWhiteSpace(userId)) throw Refuse.Because(RefusalCode.InvalidData, "请指定加签人（userId）。");
        if (userId == _actor.Id || userId == _principal?.Id) throw Refuse.Because(RefusalCode.InvalidData, "不能为本人加签。");
        if (_env.Roster.IsDisabled(userId)) throw Refuse.Because(RefusalCode.InvalidData, $"人员“{userId}”已停用，不能加签。");
        var name = _env.Roster.NameOf(userId) ?? throw Refuse.Because(RefusalCode.InvalidData, $"人员“{userId}”不存在或未在岗，不能加签。");
        if (task.PendingSigners.Any(s => s.UserId == userId)) throw Refuse.Because(RefusalCode.InvalidData, $"{name} 已是本环节的加签人。");
        var signer = new RosterMember(userId, name);
        RequireSeparation(task, step, signer, "不能加签");
        return (taskStep, signer);
    }

    /// <summary>The holder acted on a task with signers after them: the action is checked and recorded, and waits for them.</summary>
    private void HoldForSigners(ActiveStep task, StepDefinition step, ActionDefinition action, string? opinion,
        ImmutableDictionary<string, Value> delta, ImmutableDictionary<string, Value> data)
    {
        RunChecks(step, CheckPhase.Complete, task, action, data, flagOnly: false);
        var pending = new PendingCompletion(action.Id, opinion, delta, _actor.Id, _principal?.Id, _now);
        State = State with { Active = State.Active.Replace(task, task with { Pending = pending }) };
        var names = string.Join("、", task.PendingSigners.Where(s => s.Position == SignerPosition.After).Select(s => s.Name));
        Record(EventTypes.ActionTaken, $"{Who} 在“{step.Name}”环节办理“{action.Name}”，待加签人 {names} 签署后流转", task, action.Id, opinion, delta);
    }

    public void Sign(SignTask command)
    {
        var task = FindTask(command.TaskId);
        var signer = GateSign(task);
        if (string.IsNullOrWhiteSpace(command.Opinion)) throw Refuse.Because(RefusalCode.OpinionRequired, "加签签署须填写意见。");
        CaseData.RequireShortText(command.Opinion, "加签意见");
        var step = _def.Step(task.StepId);
        var opinion = command.Opinion.Trim();
        if (command.Agree)
        {
            var signed = task with { Signers = task.PendingSigners.Remove(signer) };
            State = State with { Active = State.Active.Replace(task, signed) };
            Record(EventTypes.SignerSigned, $"加签人 {Who} 在“{step.Name}”环节签署同意：{opinion}", task, "agree", opinion);
            if (signed.Pending is { } pending && signed.PendingSigners.All(s => s.Position != SignerPosition.After))
                FinishHeld(signed, step, pending);
            return;
        }
        // Returned: a signer before the holder leaves the decision to them; one after sends the holder's action back.
        var returned = signer.Position == SignerPosition.Before
            ? task with { Signers = task.PendingSigners.Remove(signer) }
            : task with { Pending = null };
        State = State with { Active = State.Active.Replace(task, returned) };
        var then = signer.Position == SignerPosition.Before ? "由本环节办理人决定" : "本环节办理人须重新办理";
        Record(EventTypes.SignerSigned, $"加签人 {Who} 在“{step.Name}”环节退回：{opinion}（{then}）", task, "return", opinion);
    }

    /// <summary>Whether the actor is the added signer whose turn it is on the task.</summary>
    public AddedSigner GateSign(ActiveStep task)
    {
        var step = _def.Step(task.StepId);
        var due = task.SignerDue ?? throw Refuse.Because(RefusalCode.NotAllowedNow, $"“{step.Name}”环节现在没有待签署的加签。");
        if (due.UserId != _actor.Id) throw Refuse.Because(RefusalCode.WrongRole, $"“{step.Name}”环节现由加签人 {due.Name} 签署。");
        return due;
    }

    private void FinishHeld(ActiveStep task, StepDefinition step, PendingCompletion held)
    {
        var action = ((ActingStep)step).FindAction(held.ActionId)!;
        Complete(task, step, action, action.Id, action.To!, held.Opinion, held.Delta, CaseData.Merge(State.Data, held.Delta), bySystem: false, signed: held);
    }
}
