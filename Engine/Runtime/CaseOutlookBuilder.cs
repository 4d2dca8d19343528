using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>
/// Builds a <see cref="CaseOutlook"/> by asking the same gates <see cref="WorkflowRuntime.Execute"/> passes every command
/// through, so that what the outlook allows and what the runtime accepts cannot drift apart.
/// </summary>
internal sealed class CaseOutlookBuilder(
    FlowDefinition definition, CaseState state, RuntimeEnvironment environment, Actor viewer, DateTimeOffset now, Oversight oversight)
{
    public CaseOutlook Build()
    {
        var deadlines = new DeadlineCalculator(definition, environment.Calendar).Deadlines(state, now).Select(Outlook).ToList();
        var caseDeadline = deadlines.FirstOrDefault(d => d.Kind == LimitKind.Statutory) ?? deadlines.FirstOrDefault(d => d.Kind == LimitKind.Promised);
        var tasks = state.Active.Select(a => Task(a, deadlines.FirstOrDefault(d => d.TaskId == a.TaskId && d.Kind == LimitKind.Step))).ToList();
        return new CaseOutlook(
            state.CaseId, state.Version, state.Status, tasks,
            deadlines, caseDeadline,
            Ask(t => t.GateWithdrawal()),
            state.Documents.Select(d => Document(d, caseDeadline)).ToList(),
            state.Urges.Select(u => new UrgeOutlook(u, Ask(t => t.GateAnswer(u.Id)))).ToList(),
            Materials(), Batch())
        {
            Urge = UrgeRight.Of(state, oversight),
            UploadMaterials = MaterialUploadRight.Of(tasks, viewer),
        };
    }

    /// <summary>The batch's items as the case data holds them (see <see cref="BatchLedger"/>); null for a single-item flow.</summary>
    private BatchOutlook? Batch()
    {
        if (definition.Batch is not { } rule) return null;
        var items = BatchLedger.Items(definition, state.Data);
        return new BatchOutlook(rule.Label, rule.ItemsField,
            items.Select(i => new BatchItemOutlook(i.Key, i.Title, i.Decision, i.Ground, i.DecidedBy, i.DecidedByName, i.StepId,
                i.StepId is { } s ? definition.FindStep(s)?.Name : null, i.DecidedAt)).ToList(),
            items.Count(i => i.Decision == BatchItem.Grant), items.Count(i => i.Decision == BatchItem.Deny), items.Count(i => i.IsOpen),
            BatchLedger.Outcome(items));
    }

    /// <summary>Every materials checklist item with whether it is required now and ticked: the same rule the materials checks apply.</summary>
    private List<MaterialOutlook> Materials()
    {
        var scope = new Expressions.ExpressionScope(state.Data, definition.Constants);
        return definition.Fields.Where(f => f.Type == FieldType.Materials).SelectMany(f =>
        {
            var ticked = state.Data.TryGetValue(f.Id, out var v) ? v : Expressions.Value.Null;
            return f.Items.Select(i => new MaterialOutlook(f.Id, i.Id, i.Name, i.IsRequired(scope), Risk.Checks.MaterialsValue.Mentions(ticked, i), i.RequiredWhen));
        }).ToList();
    }

    /// <summary>Runs one gate on a fresh transition: the gates only read, but a transition is cheap and keeps each ask independent.</summary>
    private Permission Ask(Action<Transition> gate) => AskAs(viewer, gate);

    private Permission AskAs(Actor actor, Action<Transition> gate)
    {
        try
        {
            var transition = new Transition(definition, state, environment, actor, now);
            transition.EnsureCanChange(null);
            gate(transition);
            return Permission.Granted;
        }
        catch (RefusalException e)
        {
            return Permission.Refusal(e.Refusal.Code, e.Refusal.Message);
        }
    }

    private DeadlineOutlook Outlook(Deadline d)
    {
        var step = d.StepId is { } id ? definition.FindStep(id) : null;
        var level = DeadlineStanding.Level(d.DueAt, d.WarnAt, now);
        return new DeadlineOutlook(
            d.Kind, d.TaskId, d.StepId, step?.Name, d.PeriodCode, d.PeriodText, Basis(d.Kind, step), d.LastDay, d.DueAt, d.WarnAt, level,
            DeadlineStanding.WorkingDaysLeft(environment.Calendar, d.LastDay, now), d.Provisional, d.Paused, d.PauseReason, d.PausedDays, d.ExtensionAmount,
            d.Kind == LimitKind.Outside ? step?.Clock.Outside?.Party : null);
    }

    private string? Basis(LimitKind kind, StepDefinition? step) => kind switch
    {
        LimitKind.Step => step?.TimeLimit is { } limit ? limit.Note ?? LimitBasisNames.Name(limit.Basis) : null,
        LimitKind.Outside => step?.Clock.Outside?.Basis,
        _ => definition.Limits?.Get(kind)?.Basis,
    };

    private TaskOutlook Task(ActiveStep active, DeadlineOutlook? deadline)
    {
        var step = definition.Step(active.StepId);
        var role = step.WorkListRole;
        var actions = (step as ActingStep)?.Actions.Where(a => !a.SystemOnly).Select(a =>
        {
            var actionRole = a.Role ?? role;
            return new ActionOutlook(a.Id, a.Name, actionRole, definition.RoleName(actionRole), a.Requires, a.Opinion, a.Extend?.ToString(), a.Extend?.ToChinese(),
                DocumentKinds.Of(definition, step, a), Ask(t => t.GateAction(active, a.Id)), Blocks(active, a))
            {
                ItemsToDecide = definition.Batch?.Decides(step.Id, a.Id) == true
                    ? BatchLedger.Items(definition, state.Data).Where(i => i.IsOpen).Select(i => i.Key).ToList()
                    : null,
            };
        }).ToList() ?? [];
        var holders = active.Assignees is null
            ? environment.Roster.Holders(role)
            : active.PendingAssignees.Select(Member).ToList();
        return new TaskOutlook(
            active.TaskId, step.Id, step.Name, step.Kind, role, definition.RoleName(role), holders, step.Description,
            active.EnteredAt, deadline, step.RiskPointIds, actions,
            step is VoteStep v && active.Vote is { } vote ? Vote(active, v, vote) : null,
            active.AssignedTo is { } assignee ? new RosterMember(assignee, active.AssignedName ?? assignee) : null,
            active.PendingSigners, active.Pending is not null,
            new Transition(definition, state, environment, viewer, now).ActsFor(active),
            Ask(t => t.GateTransfer(active, null)), Ask(t => t.GateAddSigner(active, null)), Ask(t => t.GateSign(active)))
        {
            Assignment = TaskAssignment.Of(definition, step),
            SignMode = step.SignMode,
            Signed = active.Signatures.Select(s => new SignatureOutlook(s.Key, Member(s.Key).Name, s.Value)).ToList(),
        };
    }

    private RosterMember Member(string id) => new(id, environment.Roster.NameOf(id) ?? id);

    private IReadOnlyList<Permission> Blocks(ActiveStep task, ActionDefinition action)
    {
        try
        {
            return new Transition(definition, state, environment, viewer, now).WouldBlock(task, action).Select(r => Permission.Refusal(r.Code, r.Message)).ToList();
        }
        catch (RefusalException e)
        {
            return [Permission.Refusal(e.Refusal.Code, e.Refusal.Message)];
        }
    }

    private VoteOutlook Vote(ActiveStep task, VoteStep step, VoteState vote)
    {
        var (quorumRule, passRule) = VoteTally.Rules(step);
        var chairs = vote.Chairs.Where(c => vote.Present.Contains(c) && !vote.Voted.Contains(c)).ToList();
        var chairMaySpeak = step.ChairSpeaksLast && chairs.Count > 0
            ? AskAs(new Actor(chairs[0], chairs[0], new HashSet<string>()), t => t.GateCast(task.TaskId)).Allowed
            : !vote.Chairs.Any(vote.Voted.Contains);
        var members = vote.Members.Select(m => new VoteMemberOutlook(
            m, environment.Roster.NameOf(m) ?? m, vote.Present.Contains(m), vote.Recused.ContainsKey(m), vote.Recused.GetValueOrDefault(m),
            vote.Voted.Contains(m), vote.Chairs.Contains(m), vote.WrittenOpinions.GetValueOrDefault(m),
            step.Ballot == Ballot.Recorded && vote.RecordedBallots.TryGetValue(m, out var c) ? c : null,
            Ask(t => t.GateAttend(task.TaskId, m)), Ask(t => t.GateRecuse(task.TaskId, m)))).ToList();
        var waiting = members.Where(m => !m.Chair && m.Present && !m.Recused && !m.Voted).Select(m => m.Name).ToList();
        return new VoteOutlook(
            vote.Round, step.Ballot, step.ChairSpeaksLast, step.Quorum, step.PassBase, step.PassThreshold, quorumRule, passRule, members,
            vote.Eligible, vote.PresentVoters, vote.Cast, VoteTally.Meets(step.Quorum, vote.PresentVoters, vote.Eligible), chairMaySpeak, waiting,
            vote.Members.Contains(viewer.Id),
            Ask(t => t.GateAttend(task.TaskId, null)), Ask(t => t.GateRecuse(task.TaskId, null)), Ask(t => t.GateWrittenOpinion(task.TaskId)),
            Ask(t => t.GateCast(task.TaskId)), Ask(t => t.GateClose(task.TaskId)),
            step.Candidates is { } rule ? new VoteCandidatesOutlook(vote.Candidates.Select(c => c.Name).ToList(), rule.WriteIns, rule.MaxChoices) : null);
    }

    private DocumentOutlook Document(IssuedDocument document, DeadlineOutlook? caseDeadline)
    {
        var dates = new List<DocumentDate>();
        foreach (var right in ApplicantRights.For(document.Kind))
        {
            var period = environment.Calendar.Add(document.IssuedAt, right.Period);
            dates.Add(new DocumentDate(right.Name, period.LastDay, period.Provisional, right.Basis));
        }
        if (document.Kind is DocumentKind.AcceptanceNotice or DocumentKind.ReconsiderationAcceptanceNotice && caseDeadline is not null)
            dates.Add(new DocumentDate("作出决定期限", caseDeadline.LastDay, caseDeadline.Provisional, caseDeadline.Basis ?? ""));
        return new DocumentOutlook(document, DocumentKinds.Name(document.Kind), dates);
    }
}
