using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>
/// Urges (督办/催办) and escalations (升级督办): recorded in the history and the risk ledger, answered by the task's
/// handler (or their stand-in) or the leader addressed; an answer after the reply-by instant, or none by then, is lateness.
/// Who may urge is <see cref="UrgeRight"/>, from the oversight the host reports for the urger.
/// </summary>
internal sealed partial class Transition
{
    public const string UrgeRiskPoint = "督办";

    public void Urge(UrgeCase command)
    {
        if (UrgeRight.Of(State, command.Oversight) is { Allowed: false, Code: { } code, Reason: { } reason }) throw Refuse.Because(code, reason);
        var task = command.TaskId is { } taskId ? FindTask(taskId) : null;
        var message = RequireText(command.Message, "督办事项");
        if (command.ReplyBy <= _now) throw Refuse.Because(RefusalCode.InvalidData, "答复期限（replyBy）须晚于现在。");
        if (command.ReplyBy > _now.AddDays(366)) throw Refuse.Because(RefusalCode.InvalidData, "答复期限（replyBy）不能超过一年。");
        var urge = new Urge($"u{State.Urges.Count + 1}", UrgeKind.Urge, task?.TaskId, _actor.Id, _actor.Name, message, _now, command.ReplyBy);
        State = State with { Urges = State.Urges.Add(urge) };
        var step = task is null ? null : _def.Step(task.StepId);
        var on = step is null ? "本案" : $"“{step.Name}”环节";
        Record(EventTypes.Urged, $"督办：{_actor.Name} 督办{on}：{message}（请于 {Local(command.ReplyBy)} 前答复）", task, opinion: message);
        Ledger("督办", "urge", step, task, message);
    }

    public void Escalate(EscalateCase command)
    {
        var message = RequireText(command.Message, "升级督办事项");
        var name = _env.Roster.NameOf(command.ToUserId) ?? throw Refuse.Because(RefusalCode.InvalidData, $"人员“{command.ToUserId}”不存在或未在岗。");
        if (State.Urges.Any(u => u.Kind == UrgeKind.Escalation && u.AddressedTo == command.ToUserId && u.IsOpen))
            throw Refuse.Because(RefusalCode.NotAllowedNow, $"本案已向 {name} 升级督办，尚未答复。");
        var urge = new Urge($"u{State.Urges.Count + 1}", UrgeKind.Escalation, null, _actor.Id, _actor.Name, message, _now, command.ReplyBy,
            command.ToUserId, name);
        State = State with { Urges = State.Urges.Add(urge) };
        Record(EventTypes.Escalated, $"升级督办：{message}，报分管领导 {name}（请于 {Local(command.ReplyBy)} 前答复）", opinion: message);
        Ledger("升级督办", "urge-escalation", null, null, message);
    }

    public void Answer(AnswerUrge command)
    {
        var urge = GateAnswer(command.UrgeId);
        var answer = RequireText(command.Answer, "督办答复");
        var late = _now > urge.ReplyBy;
        State = State with
        {
            Urges = State.Urges.Replace(urge, urge with { Answer = answer, AnsweredById = _actor.Id, AnsweredByName = Who, AnsweredAt = _now, Late = urge.Late || late }),
        };
        var task = urge.TaskId is { } t ? State.FindActive(t) : null;
        var what = urge.Kind == UrgeKind.Escalation ? "升级督办" : "督办";
        Record(EventTypes.UrgeAnswered, $"答复{what}：{Who} 答复“{urge.Message}”：{answer}{(late ? "（逾期答复）" : "")}", task, opinion: answer);
        if (late) Ledger("督办逾期回复", "urge-late-answer", task is null ? null : _def.Step(task.StepId), task,
            $"督办“{urge.Message}”应于 {Local(urge.ReplyBy)} 前答复，{Local(_now)} 方答复。");
    }

    /// <summary>
    /// Whether the actor may answer the urge: it is open; an escalation is answered by the leader it was put to, an urge by
    /// whoever may act on the urged task (any open task when the urge names none, or the task is gone) or is due to sign it.
    /// </summary>
    public Urge GateAnswer(string urgeId)
    {
        var urge = State.FindUrge(urgeId) ?? throw Refuse.Because(RefusalCode.UnknownTask, $"督办“{urgeId}”不存在。");
        if (!urge.IsOpen) throw Refuse.Because(RefusalCode.NotAllowedNow, "该督办已答复。");
        if (urge.AddressedTo is { } to)
        {
            if (to != _actor.Id) throw Refuse.Because(RefusalCode.WrongRole, $"该升级督办由 {urge.AddressedName} 答复。");
            return urge;
        }
        var tasks = urge.TaskId is { } t && State.FindActive(t) is { } urged ? [urged] : State.Active.ToList();
        foreach (var task in tasks)
        {
            if (task.SignerDue?.UserId == _actor.Id) return urge;
            var role = _def.Step(task.StepId).WorkListRole;
            if (role.Length == 0) continue;
            try
            {
                _principal = ActingFor(task, role, "");
                return urge;
            }
            catch (RefusalException)
            {
            }
        }
        throw Refuse.Because(RefusalCode.WrongRole, "只有被督办待办的办理人（或其代理人）可以答复督办。");
    }

    private void UrgeOverdue(string urgeId)
    {
        var urge = State.FindUrge(urgeId)!;
        State = State with { Urges = State.Urges.Replace(urge, urge with { Late = true }) };
        var task = urge.TaskId is { } t ? State.FindActive(t) : null;
        var message = $"督办“{urge.Message}”应于 {Local(urge.ReplyBy)} 前答复，逾期未答复。";
        Record(EventTypes.UrgeOverdue, $"督办逾期未回复：{message}", task, actor: Actor.System);
        Ledger("督办逾期未回复", "urge-overdue", task is null ? null : _def.Step(task.StepId), task, message);
    }

    /// <summary>A risk-ledger entry for supervision: the risk point "督办" labelled with what happened.</summary>
    private void Ledger(string label, string checkName, StepDefinition? step, ActiveStep? task, string message) =>
        _risks.Add(new RiskEvent(UrgeRiskPoint, 2, label, checkName, step?.Id ?? "", step?.Name ?? "", task?.TaskId, _actor.Id, Who, _now, message));

    private static string RequireText(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) throw Refuse.Because(RefusalCode.OpinionRequired, $"请填写{what}。");
        CaseData.RequireShortText(text, what);
        return text.Trim();
    }

    private static string Local(DateTimeOffset at) => at.ToOffset(Calendar.WorkCalendar.ChinaOffset).ToString("yyyy-MM-dd HH:mm");
}
