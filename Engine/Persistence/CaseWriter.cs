using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Persistence.Records;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Engine.Persistence;

/// <summary>
/// Writes what one applied command produced, inside the caller's transaction: the new state, the history
/// (hash-chained), the open tasks, deadlines and timers (rewritten from the state), the alerts (once each)
/// and the risk events.
/// </summary>
internal sealed class CaseWriter(WorkflowDbContext db, WorkflowRuntime runtime, DateTimeOffset now)
{
    public List<AlertRecord> NewAlerts { get; } = [];
    public DateTimeOffset? EarliestTimer { get; private set; }

    public async Task WriteAsync(CaseRecord record, FlowDefinition definition, Applied applied, CancellationToken ct)
    {
        var state = applied.State;
        record.StateJson = CaseStateSerializer.Serialize(state);
        record.Version = state.Version;
        record.Status = state.IsClosed ? "closed" : "running";
        record.Outcome = state.Outcome is { } o ? Definitions.Loading.JsonNames.Of(o) : null;
        record.ClosedAt = state.ClosedAt;

        var history = HistoryChain.Seal(record.Id, record.HistoryCount + 1, record.LastHash, applied.Events);
        db.History.AddRange(history.Select(HistoryRow.From));
        if (history.Count > 0)
        {
            record.HistoryCount += history.Count;
            record.LastHash = history[^1].Hash;
        }

        await DeleteDerivedRowsAsync(db, record.Id, ct);
        WriteDerivedRows(db, record, definition, state, runtime, now, applied.Timers);
        var earliest = applied.Timers.Count == 0 ? (DateTimeOffset?)null : applied.Timers.Min(t => t.FireAt);
        if (earliest is { } e && (EarliestTimer is null || e < EarliestTimer)) EarliestTimer = e;

        foreach (var alert in applied.Alerts) await AddAlertOnceAsync(record, definition, alert, ct);
        db.RiskEvents.AddRange(applied.RiskEvents.Select(r => new RiskEventRecord
        {
            CaseId = record.Id, DefinitionId = record.DefinitionId, RiskPointId = r.RiskPointId, Level = r.Level, RiskText = r.RiskText,
            CheckName = r.CheckName, StepId = r.StepId, StepName = r.StepName, TaskId = r.TaskId.NullIfEmpty(), ActorId = r.ActorId,
            ActorName = r.ActorName, At = r.At, Message = r.Message,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes a case's derived rows from the database and from the change tracker, ready to be written again.</summary>
    public static async Task DeleteDerivedRowsAsync(WorkflowDbContext db, string caseId, CancellationToken ct)
    {
        await db.Tasks.Where(t => t.CaseId == caseId).ExecuteDeleteAsync(ct);
        await db.Deadlines.Where(d => d.CaseId == caseId).ExecuteDeleteAsync(ct);
        await db.Timers.Where(t => t.CaseId == caseId).ExecuteDeleteAsync(ct);
        foreach (var entry in db.ChangeTracker.Entries().Where(e =>
                     e.Entity is TaskRecord t && t.CaseId == caseId || e.Entity is DeadlineRecord d && d.CaseId == caseId
                     || e.Entity is TimerRecord r && r.CaseId == caseId).ToList())
            entry.State = EntityState.Detached;
    }

    /// <summary>The rows derived from a case state: work-list tasks, deadlines for supervisors, timers for the scheduler.</summary>
    public static void WriteDerivedRows(WorkflowDbContext db, CaseRecord record, FlowDefinition definition, CaseState state,
        WorkflowRuntime runtime, DateTimeOffset now, IReadOnlyList<TimerRequest> timers)
    {
        var deadlines = runtime.Deadlines(definition, state, now);
        foreach (var active in state.Active)
        {
            var step = definition.Step(active.StepId);
            var due = deadlines.FirstOrDefault(d => d.TaskId == active.TaskId);
            db.Tasks.Add(new TaskRecord
            {
                CaseId = record.Id, TaskId = active.TaskId, StepId = step.Id, StepName = step.Name,
                Kind = Definitions.Loading.JsonNames.Of(step.Kind), Role = step.WorkListRole, DefinitionId = record.DefinitionId,
                EnteredAt = active.EnteredAt, DueAt = due?.DueAt, Provisional = due?.Provisional ?? false,
            });
        }
        db.Deadlines.AddRange(deadlines.Select(d => new DeadlineRecord
        {
            CaseId = record.Id, LimitKey = d.TaskId ?? Runtime.TimerKeys.Name(d.Kind), Limit = Runtime.TimerKeys.Name(d.Kind),
            TaskId = d.TaskId, StepId = d.StepId, DefinitionId = record.DefinitionId, Duration = d.Limit, DueAt = d.DueAt,
            WarnAt = d.WarnAt, Provisional = d.Provisional, Paused = d.Paused,
        }));
        db.Timers.AddRange(timers.Select(t => new TimerRecord
        {
            CaseId = record.Id, Key = t.Key, Kind = Definitions.Loading.JsonNames.Of(t.Kind), FireAt = t.FireAt, Provisional = t.Provisional,
        }));
    }

    private async Task AddAlertOnceAsync(CaseRecord record, FlowDefinition definition, AlertSignal alert, CancellationToken ct)
    {
        var taskKey = alert.TaskId ?? "";
        var limit = Runtime.TimerKeys.Name(alert.Limit);
        var level = alert.Level == AlertLevel.Yellow ? "yellow" : "red";
        var exists = await db.Alerts.AnyAsync(a => a.CaseId == record.Id && a.TaskKey == taskKey && a.Limit == limit && a.Level == level, ct)
            || NewAlerts.Any(a => a.CaseId == record.Id && a.TaskKey == taskKey && a.Limit == limit && a.Level == level);
        if (exists) return;
        var row = new AlertRecord
        {
            CaseId = record.Id, CaseNo = record.CaseNo, CaseTitle = record.Title, DefinitionId = record.DefinitionId, TaskKey = taskKey, StepId = alert.StepId,
            StepName = alert.StepId is { } s ? definition.FindStep(s)?.Name : null, Limit = limit, Level = level, DueAt = alert.DueAt,
            RaisedAt = now, Provisional = alert.Provisional, Status = AlertStatus.Open,
        };
        db.Alerts.Add(row);
        NewAlerts.Add(row);
    }
}

internal static class StringExtensions
{
    public static string? NullIfEmpty(this string? s) => string.IsNullOrEmpty(s) ? null : s;
}
