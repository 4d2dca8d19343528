using System.Text.Json;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Persistence;
using WorkflowEngine.Engine.Persistence.Records;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Server.Api;

public sealed record FieldDto(string Id, string Label, string Type, bool Required, IReadOnlyList<string> Options, IReadOnlyList<MaterialItem> Items);

public sealed record ActionDto(
    string Id, string Name, string Role, string RoleName, IReadOnlyList<FieldDto> Requires, string Opinion, string? Extend, bool Allowed);

public sealed record RiskPointDto(string Id, int Level, string LevelName, string Text, IReadOnlyList<string> Measures, IReadOnlyList<string> Checks);

public sealed record VoteMemberDto(string Id, string Name, bool Present, bool Recused, string? RecusalReason, bool Voted, bool Chair, string? WrittenOpinion, string? Ballot);

public sealed record VoteDto(
    int Round, string Ballot, bool ChairSpeaksLast, string Quorum, string PassBase, string PassThreshold, IReadOnlyList<VoteMemberDto> Members,
    int Eligible, int Present, int Cast, bool IsMember, bool CanClose);

public sealed record TaskDto(
    string Id, string StepId, string StepName, string Kind, string Role, string RoleName, string? Description, DateTimeOffset EnteredAt,
    DateTimeOffset? DueAt, DateTimeOffset? WarnAt, bool Provisional, IReadOnlyList<ActionDto> Actions, IReadOnlyList<RiskPointDto> Risks, VoteDto? Vote);

public sealed record DeadlineDto(
    string Kind, string? TaskId, string? StepId, string Limit, DateTimeOffset DueAt, DateTimeOffset? WarnAt, bool Provisional, bool Paused,
    string? PauseReason, int PausedDays, int ExtensionAmount);

public sealed record CaseDeadlineDto(DateTimeOffset DueAt, bool Provisional, bool Paused, string Kind, string Limit, string? PauseReason, int PausedDays);

public sealed record ClockDto(DateTimeOffset? StartedAt, DateTimeOffset? StoppedAt, bool Paused, string? PauseReason, IReadOnlyList<ClockPause> Pauses, int ExtensionAmount);

public sealed record CaseDto(
    string Id, string CaseNo, string Title, string DefinitionId, int DefinitionVersion, string DefinitionName, string Status, string? Outcome,
    string? EndStepId, string? EndStepName, JsonElement Data, long Version, DateTimeOffset StartedAt, string StartedBy, DateTimeOffset? ClosedAt,
    IReadOnlyList<TaskDto> Tasks, CaseDeadlineDto? Deadline, IReadOnlyList<DeadlineDto> Deadlines, ClockDto Clock, bool CanWithdraw);

/// <summary>Builds what the case page shows: open tasks with the actions the caller may take, risk points, votes and deadlines.</summary>
public static class CaseView
{
    public static CaseDto Build(CaseRecord record, FlowDefinition definition, CaseState state, WorkflowRuntime runtime, Actor viewer, DateTimeOffset now, Func<string, string> nameOf)
    {
        var deadlines = runtime.Deadlines(definition, state, now);
        var caseDeadline = deadlines.FirstOrDefault(d => d.Kind == LimitKind.Statutory) ?? deadlines.FirstOrDefault(d => d.Kind == LimitKind.Promised);
        var end = state.EndStepId is { } e ? definition.FindStep(e) : null;
        return new CaseDto(
            record.Id, record.CaseNo, record.Title, definition.Id, definition.Version, definition.Name,
            state.IsClosed ? "closed" : "running", state.Outcome is { } o ? JsonNames.Of(o) : null, state.EndStepId, end?.Name,
            JsonData.ToJson(state.Data), state.Version, state.StartedAt, state.StartedBy, state.ClosedAt,
            state.Active.Select(a => Task(definition, a, deadlines.FirstOrDefault(d => d.TaskId == a.TaskId), viewer, nameOf)).ToList(),
            caseDeadline is null ? null : new CaseDeadlineDto(caseDeadline.DueAt, caseDeadline.Provisional, caseDeadline.Paused,
                JsonNames.Of(caseDeadline.Kind), caseDeadline.Limit, caseDeadline.PauseReason, caseDeadline.PausedDays),
            deadlines.Select(d => new DeadlineDto(JsonNames.Of(d.Kind), d.TaskId, d.StepId, d.Limit, d.DueAt, d.WarnAt, d.Provisional, d.Paused,
                d.PauseReason, d.PausedDays, d.ExtensionAmount)).ToList(),
            new ClockDto(state.Clock.StartedAt, state.Clock.StoppedAt, state.Clock.IsPaused, state.Clock.PauseReason, state.Clock.Pauses,
                state.Clock.ExtensionAmount),
            CanWithdraw(definition, state, viewer));
    }

    private static bool CanWithdraw(FlowDefinition d, CaseState state, Actor viewer) =>
        !state.IsClosed && d.Withdrawal is { } w && viewer.Holds(w.Role)
        && state.Active.All(a => w.AllowsAt(a.StepId));

    private static TaskDto Task(FlowDefinition d, ActiveStep active, Deadline? due, Actor viewer, Func<string, string> nameOf)
    {
        var step = d.Step(active.StepId);
        var role = step.WorkListRole;
        var actions = (step as ActingStep)?.Actions ?? [];
        return new TaskDto(
            active.TaskId, step.Id, step.Name, JsonNames.Of(step.Kind), role, d.RoleName(role), step.Description, active.EnteredAt,
            due?.DueAt, due?.WarnAt, due?.Provisional ?? false,
            actions.Where(a => !a.SystemOnly).Select(a =>
            {
                var actionRole = a.Role ?? role;
                return new ActionDto(a.Id, a.Name, actionRole, d.RoleName(actionRole), a.Requires.Select(f => Field(d.FindField(f)!)).ToList(),
                    JsonNames.Of(a.Opinion), a.Extend?.ToString(), viewer.Holds(actionRole));
            }).ToList(),
            step.RiskPointIds.Select(id => d.FindRiskPoint(id)!).Select(r => new RiskPointDto(r.Id, r.Level, r.LevelName, r.Text, r.Measures,
                step.Checks.Where(c => c.RiskPointId == r.Id).Select(c => c.CheckName).Distinct().ToList())).ToList(),
            step is VoteStep v && active.Vote is { } vote ? Vote(v, vote, viewer, nameOf) : null);
    }

    public static FieldDto Field(FieldDefinition f) => new(f.Id, f.Label, JsonNames.Of(f.Type), f.Required, f.Options, f.Items);

    /// <summary>An anonymous ballot shows who has voted, never what; a recorded one shows each member's vote.</summary>
    private static VoteDto Vote(VoteStep step, VoteState vote, Actor viewer, Func<string, string> nameOf) => new(
        vote.Round, JsonNames.Of(step.Ballot), step.ChairSpeaksLast, JsonNames.Of(step.Quorum), JsonNames.Of(step.PassBase), JsonNames.Of(step.PassThreshold),
        vote.Members.Select(m => new VoteMemberDto(m, nameOf(m), vote.Present.Contains(m), vote.Recused.ContainsKey(m), vote.Recused.GetValueOrDefault(m),
            vote.Voted.Contains(m), vote.Chairs.Contains(m), vote.WrittenOpinions.GetValueOrDefault(m),
            step.Ballot == Ballot.Recorded && vote.RecordedBallots.TryGetValue(m, out var c) ? VoteChoiceNames.Name(c) : null)).ToList(),
        vote.Eligible, vote.PresentVoters, vote.Cast, vote.Members.Contains(viewer.Id),
        vote.Chairs.Contains(viewer.Id) || (step.ChairRole is { } chair && viewer.Holds(chair)) || (step.RecorderRole is { } r && viewer.Holds(r)));
}
