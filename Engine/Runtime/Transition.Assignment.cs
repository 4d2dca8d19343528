using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>Approver rules (who may act on a task), 会签 (every named person signs) and 抄送 (posts informed).</summary>
internal sealed partial class Transition
{
    /// <summary>Names the task's people when it opens; nobody to name refuses the command.</summary>
    private ActiveStep Assign(ActiveStep instance, TaskStep step)
    {
        var (people, problem) = AssigneeResolver.Resolve(_def, step, State, _env.Roster);
        if (problem is not null)
            throw Refuse.Because(RefusalCode.NotAllowedNow, $"“{step.Name}”环节无法确定办理人：{problem}。请联系系统管理员在“组织机构”中补充。");
        return instance with { Assignees = people };
    }

    /// <summary>Informs the task's cc posts (抄送): the case becomes visible to their holders.</summary>
    private void Inform(ActiveStep instance, TaskStep step)
    {
        if (step.Cc.Count == 0) return;
        State = State with { CarbonCopies = State.CarbonCopies.AddRange(step.Cc.Select(p => new CarbonCopy(p, step.Id, instance.TaskId, _now))) };
        Record(EventTypes.CarbonCopied, $"“{step.Name}”抄送：{string.Join("、", step.Cc.Select(_def.RoleName))}", instance, actor: Actor.System);
    }

    /// <summary>
    /// Whom the actor acts for on a task whose approver rule named <paramref name="people"/>: null when named themselves, else
    /// the named person whose delegation is in force; under 会签 nobody signs twice.
    /// </summary>
    private RosterMember? ActingForNamed(ActiveStep task, StepDefinition step, ImmutableList<string> people, string what)
    {
        var principal = people.Contains(_actor.Id) ? null
            : people.Select(p => StandInFor(p, step.WorkListRole)).FirstOrDefault(p => p is not null);
        if (principal is null && !people.Contains(_actor.Id))
        {
            var names = string.Join("、", task.PendingAssignees.Select(p => _env.Roster.NameOf(p) ?? p));
            var rule = (step as TaskStep)?.Assignee.ToChinese(_def) ?? "";
            throw Refuse.Because(RefusalCode.WrongRole, $"{what}须由{rule}（{names}）办理，您不是该环节的办理人。");
        }
        if (task.Signatures.TryGetValue(principal?.Id ?? _actor.Id, out var signed))
            throw Refuse.Because(RefusalCode.NotAllowedNow,
                $"{(principal is null ? "您" : principal.Name + " ")}已在“{step.Name}”环节会签（{(step as ActingStep)?.FindAction(signed)?.Name ?? signed}），请等待其他会签人办理。");
        return principal;
    }

    /// <summary>
    /// Under 会签 the step's first action is the signature: it completes the step only once every named person has signed
    /// it. Any other action (a return) completes the step at once. True when the action was a signature that leaves the
    /// step open.
    /// </summary>
    private bool Countersign(ActiveStep task, StepDefinition step, ActionDefinition action, string? opinion,
        ImmutableDictionary<string, Value> delta, ImmutableDictionary<string, Value> data)
    {
        if (step.SignMode != SignMode.All || task.Assignees is not { } people || action.Role is not null) return false;
        var signature = ((ActingStep)step).Actions.First(a => !a.SystemOnly);
        if (action.Id != signature.Id) return false;
        var signed = task with { Signatures = task.Signatures.Add(_principal?.Id ?? _actor.Id, action.Id) };
        var count = signed.Signatures.Count;
        if (count >= people.Count) return false; // the last signature completes the step like any action
        Record(EventTypes.Countersigned, $"{Who} 在“{step.Name}”环节会签“{action.Name}”（{count}/{people.Count}）", task, action.Id, opinion, delta);
        RunChecks(step, CheckPhase.Complete, task, action, data, flagOnly: false);
        State = State with { Data = data, Active = State.Active.Replace(task, signed) };
        return true;
    }
}
