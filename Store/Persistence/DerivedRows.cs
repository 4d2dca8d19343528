using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Store.Persistence;

/// <param name="Assignees">The people an approver rule named, as the stored comma-separated list; null for a post's task.</param>
public sealed record TaskRow(string TaskId, string StepId, string StepName, string Kind, string Role, DateTimeOffset EnteredAt,
    DateTimeOffset? DueAt, DateTimeOffset? WarnAt, bool Provisional, string? AssignedTo = null, string? Assignees = null)
{
    /// <summary>Each person of <see cref="Assignees"/> once.</summary>
    public IEnumerable<string> NamedPeople => Assignees?.Split(',', StringSplitOptions.RemoveEmptyEntries).Distinct() ?? [];
}

public sealed record UrgeRow(string UrgeId, string Kind, string? TaskId, string ById, string ByName, string Message, DateTimeOffset At,
    DateTimeOffset ReplyBy, string? AddressedTo, string? AddressedName, string? Answer, string? AnsweredByName, DateTimeOffset? AnsweredAt, bool Late)
{
    public static UrgeRow Of(Urge u) => new(u.Id, u.Kind == UrgeKind.Escalation ? "escalation" : "urge", u.TaskId, u.ById, u.ByName, u.Message, u.At,
        u.ReplyBy, u.AddressedTo, u.AddressedName, u.Answer, u.AnsweredByName, u.AnsweredAt, u.Late);
}

public sealed record CarbonCopyRow(string Post, string TaskId, string StepId, DateTimeOffset At);

public sealed record DeadlineRow(string Limit, string Duration, DateTimeOffset DueAt, DateTimeOffset? WarnAt, bool Provisional, bool Paused);

/// <summary>
/// What the tables hold besides the state itself, all derived from it: the open tasks with their step limits
/// (work lists: a post's, the one holder a task was transferred to, or the people an approver rule named), the case-level
/// limits (supervisors' lists), the posts it was copied to (抄送), the earliest timer (the scheduler) and the urges (their
/// list). <see cref="Urges"/> is null when not read (a recomputation after a calendar change leaves them alone).
/// </summary>
public sealed record DerivedRows(IReadOnlyList<TaskRow> Tasks, IReadOnlyList<DeadlineRow> Deadlines, DateTimeOffset? NextTimer,
    IReadOnlyList<UrgeRow>? Urges = null)
{
    public static readonly DerivedRows None = new([], [], null, []);

    public IReadOnlyList<CarbonCopyRow> CarbonCopies { get; init; } = [];

    /// <summary>How a task's named people are stored, so that one can be found with a LIKE on ",id,".</summary>
    public static string? AssigneeList(ActiveStep active) =>
        active.Assignees is null ? null : "," + string.Join(",", active.PendingAssignees) + ",";

    /// <summary>Every open due instant: the case limits and the step limits.</summary>
    public IEnumerable<DateTimeOffset> DueInstants => Deadlines.Select(d => d.DueAt).Concat(Tasks.Where(t => t.DueAt is not null).Select(t => t.DueAt!.Value));

    public static DerivedRows Of(FlowDefinition definition, CaseState state, WorkflowRuntime runtime, DateTimeOffset now, IReadOnlyList<TimerRequest> timers)
    {
        var deadlines = runtime.Deadlines(definition, state, now);
        var tasks = state.Active.Select(active =>
        {
            var step = definition.Step(active.StepId);
            var due = deadlines.FirstOrDefault(d => d.TaskId == active.TaskId && d.Kind == LimitKind.Step);
            return new TaskRow(active.TaskId, step.Id, step.Name, JsonNames.Of(step.Kind), active.Assignees is null ? step.WorkListRole : "",
                active.EnteredAt, due?.DueAt, due?.WarnAt, due?.Provisional ?? false, active.ActsNow, AssigneeList(active));
        }).ToList();
        var caseDeadlines = deadlines.Where(d => d.TaskId is null)
            .Select(d => new DeadlineRow(JsonNames.Of(d.Kind), d.PeriodCode, d.DueAt, d.WarnAt, d.Provisional, d.Paused)).ToList();
        return new DerivedRows(tasks, caseDeadlines, timers.Count == 0 ? null : timers.Min(t => t.FireAt), state.Urges.Select(UrgeRow.Of).ToList())
        {
            CarbonCopies = state.CarbonCopies.Select(c => new CarbonCopyRow(c.Post, c.TaskId, c.StepId, c.At)).Distinct().ToList(),
        };
    }
}
