using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Store.Persistence;

public sealed record TaskRow(string TaskId, string StepId, string StepName, string Kind, string Role, DateTimeOffset EnteredAt,
    DateTimeOffset? DueAt, DateTimeOffset? WarnAt, bool Provisional);

public sealed record DeadlineRow(string Limit, string Duration, DateTimeOffset DueAt, DateTimeOffset? WarnAt, bool Provisional, bool Paused);

/// <summary>
/// What the tables hold besides the state itself, all derived from it: the open tasks with their step limits
/// (work lists), the case-level limits (supervisors' lists) and the earliest timer (the scheduler).
/// </summary>
public sealed record DerivedRows(IReadOnlyList<TaskRow> Tasks, IReadOnlyList<DeadlineRow> Deadlines, DateTimeOffset? NextTimer)
{
    public static readonly DerivedRows None = new([], [], null);

    public static DerivedRows Of(FlowDefinition definition, CaseState state, WorkflowRuntime runtime, DateTimeOffset now, IReadOnlyList<TimerRequest> timers)
    {
        var deadlines = runtime.Deadlines(definition, state, now);
        var tasks = state.Active.Select(active =>
        {
            var step = definition.Step(active.StepId);
            var due = deadlines.FirstOrDefault(d => d.TaskId == active.TaskId && d.Kind == LimitKind.Step);
            return new TaskRow(active.TaskId, step.Id, step.Name, JsonNames.Of(step.Kind), step.WorkListRole, active.EnteredAt,
                due?.DueAt, due?.WarnAt, due?.Provisional ?? false);
        }).ToList();
        var caseDeadlines = deadlines.Where(d => d.TaskId is null)
            .Select(d => new DeadlineRow(JsonNames.Of(d.Kind), d.Period.ToString(), d.DueAt, d.WarnAt, d.Provisional, d.Paused)).ToList();
        return new DerivedRows(tasks, caseDeadlines, timers.Count == 0 ? null : timers.Min(t => t.FireAt));
    }
}
