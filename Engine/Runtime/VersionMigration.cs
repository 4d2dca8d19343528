using System.Collections.Immutable;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>A time limit a migration would move: its last day before and after (null: the limit is not there).</summary>
public sealed record DeadlineChange(LimitKind Kind, string? TaskId, string? StepName, DateOnly? OldLastDay, DateOnly? NewLastDay)
{
    public string ToChinese() =>
        $"{(Kind switch { LimitKind.Statutory => "法定时限", LimitKind.Promised => "承诺时限", _ => $"“{StepName}”环节时限" })}的最后一日将由"
        + $"{OldLastDay?.ToString("yyyy-MM-dd") ?? "无"}变为{NewLastDay?.ToString("yyyy-MM-dd") ?? "无"}";
}

/// <summary>
/// What moving one case to another version of its flow gives: moved (with the command-like result to store: the new
/// state, the history entry and the timers it now wants), or the Chinese reasons it cannot move.
/// </summary>
public sealed record MigrationOutcome(string CaseId, IReadOnlyList<string> Reasons, IReadOnlyList<DeadlineChange> DeadlineChanges, Applied? Applied)
{
    public bool Moved => Applied is not null;
}

/// <summary>
/// The rule for moving a running case from version N of a flow to version M (one truth for the dry run and the run):
/// every open step needs a counterpart of the same kind in the mapping, no collective vote may be open, no parallel
/// section may be under way, the case data must satisfy the new version (required fields, types), the named approvers
/// of the new steps must be found, and — unless accepted — no time limit may move. The open steps keep their task ids,
/// entry instants and time already counted; the clock's pause follows the new steps.
/// </summary>
public static class VersionMigration
{
    /// <summary>Steps with the same id and kind in both versions, for the open steps a case can be in.</summary>
    public static IReadOnlyDictionary<string, string> Suggest(FlowDefinition from, FlowDefinition to) =>
        from.Steps.Where(s => s.OpensTask && to.FindStep(s.Id) is { } t && t.Kind == s.Kind).ToDictionary(s => s.Id, s => s.Id);

    /// <summary>Problems with the request itself (which versions, which steps), in Chinese; empty when it may be tried.</summary>
    public static IReadOnlyList<string> CheckRequest(FlowDefinition from, FlowDefinition to, IReadOnlyDictionary<string, string> mapping)
    {
        var errors = new List<string>();
        if (from.Id != to.Id) errors.Add($"只能在同一流程的版本之间迁移（“{from.Id}”与“{to.Id}”不同）。");
        if (from.Version == to.Version) errors.Add($"源版本与目标版本相同（第 {from.Version} 版）。");
        foreach (var (old, target) in mapping)
        {
            var source = from.FindStep(old);
            var destination = to.FindStep(target);
            if (source is null) errors.Add($"环节对应中的“{old}”不是第 {from.Version} 版的环节。");
            if (destination is null) errors.Add($"环节对应中的“{target}”不是第 {to.Version} 版的环节。");
            if (source is not null && destination is not null && source.Kind != destination.Kind)
                errors.Add($"“{source.Name}”（{old}）与“{destination.Name}”（{target}）的环节类型不同，不能对应。");
        }
        return errors;
    }

    internal static MigrationOutcome Migrate(FlowDefinition from, FlowDefinition to, CaseState state, IReadOnlyDictionary<string, string> mapping,
        RuntimeEnvironment environment, Actor actor, DateTimeOffset now, bool acceptDeadlineChanges)
    {
        var reasons = new List<string>();
        if (state.IsClosed) reasons.Add("案件已办结，无需迁移。");
        if (state.DefinitionId != from.Id || state.DefinitionVersion != from.Version)
            reasons.Add($"案件在第 {state.DefinitionVersion} 版上办理，不在第 {from.Version} 版。");
        if (reasons.Count > 0) return new MigrationOutcome(state.CaseId, reasons, [], null);

        var active = ImmutableList.CreateBuilder<ActiveStep>();
        foreach (var open in state.Active)
        {
            var step = from.Step(open.StepId);
            if (open.Vote is { } vote)
                reasons.Add($"“{step.Name}”的集体表决正在进行（第 {vote.Round} 轮），表决结束后才能迁移。");
            if (open.BranchPath.Length > 0)
                reasons.Add($"案件处于并行办理中（“{step.Name}”），汇聚后才能迁移。");
            if (!mapping.TryGetValue(open.StepId, out var targetId) || to.FindStep(targetId) is not { } target)
            {
                reasons.Add($"当前环节“{step.Name}”（{open.StepId}）在第 {to.Version} 版中没有对应环节。");
                continue;
            }
            if (target.Kind != step.Kind)
            {
                reasons.Add($"当前环节“{step.Name}”与第 {to.Version} 版的“{target.Name}”类型不同。");
                continue;
            }
            active.Add(Remap(open, target, state, to, environment, reasons));
        }
        if (state.JoinArrivals.Count > 0) reasons.Add("案件的并行分支尚未全部汇聚，汇聚后才能迁移。");
        foreach (var field in to.Fields.Where(f => f.Required && !CaseData.HasValue(state.Data.GetValueOrDefault(f.Id, Value.Null))))
            reasons.Add($"第 {to.Version} 版的必填字段“{field.Label}”（{field.Id}）在本案件中没有填写。");
        try
        {
            CaseData.Validate(to, state.Data);
        }
        catch (RefusalException e)
        {
            reasons.Add($"案件数据不符合第 {to.Version} 版：{e.Refusal.Message}");
        }
        if (reasons.Count > 0) return new MigrationOutcome(state.CaseId, reasons, [], null);

        var moved = state with { DefinitionVersion = to.Version, Active = active.ToImmutable() };
        var transition = new Transition(to, moved, environment, actor, now);
        transition.RecordMigration(from, to, mapping.Where(m => state.Active.Any(a => a.StepId == m.Key)).ToDictionary());
        var applied = transition.Finish();

        var changes = DeadlineChanges(from, to, state, applied.State, environment.Calendar, now);
        if (changes.Count > 0 && !acceptDeadlineChanges)
            return new MigrationOutcome(state.CaseId, changes.Select(c => $"时限将改变：{c.ToChinese()}。").ToList(), changes, null);
        return new MigrationOutcome(state.CaseId, [], changes, applied);
    }

    /// <summary>The open step under its new id; the people of an approver rule are named again by the new step's rule.</summary>
    private static ActiveStep Remap(ActiveStep open, StepDefinition target, CaseState state, FlowDefinition to, RuntimeEnvironment environment, List<string> reasons)
    {
        var moved = open with { StepId = target.Id };
        if (target is not TaskStep task) return moved with { Assignees = null, Signatures = ImmutableDictionary<string, string>.Empty };
        var (people, problem) = AssigneeResolver.Resolve(to, task, state, environment.Roster);
        if (problem is not null) reasons.Add($"第 {to.Version} 版的“{task.Name}”环节无法确定办理人：{problem}。");
        var signatures = task.SignMode == SignMode.All && people is not null
            ? open.Signatures.Where(s => people.Contains(s.Key)).ToImmutableDictionary()
            : ImmutableDictionary<string, string>.Empty;
        return moved with { Assignees = people, Signatures = signatures };
    }

    private static List<DeadlineChange> DeadlineChanges(FlowDefinition from, FlowDefinition to, CaseState before, CaseState after, WorkCalendar calendar, DateTimeOffset now)
    {
        var old = new DeadlineCalculator(from, calendar).Deadlines(before, now).ToDictionary(d => (d.Kind, d.TaskId));
        var fresh = new DeadlineCalculator(to, calendar).Deadlines(after, now).ToDictionary(d => (d.Kind, d.TaskId));
        return old.Keys.Union(fresh.Keys)
            .Select(k => (Key: k, Old: old.GetValueOrDefault(k), New: fresh.GetValueOrDefault(k)))
            .Where(x => x.Old?.LastDay != x.New?.LastDay)
            .Select(x => new DeadlineChange(x.Key.Kind, x.Key.TaskId,
                x.New?.StepId is { } n ? to.FindStep(n)?.Name : x.Old?.StepId is { } o ? from.FindStep(o)?.Name : null,
                x.Old?.LastDay, x.New?.LastDay))
            .ToList();
    }
}
