using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Persistence.Records;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Engine.Persistence;

/// <summary>
/// Writes what applied commands produced, inside the caller's transaction: the new state, the history
/// (hash-chained), the open tasks, deadlines and timers (rewritten from the state), the alerts (once each)
/// and the risk events. Changes are staged per case and flushed together, so a batch of cases costs a few
/// statements rather than a few per case.
/// </summary>
internal sealed class CaseWriter(WorkflowDbContext db, WorkflowRuntime runtime, DateTimeOffset now)
{
    private readonly HashSet<string> _rewritten = [];
    private readonly List<AlertRecord> _staged = [];

    public List<AlertRecord> NewAlerts { get; } = [];
    public DateTimeOffset? EarliestTimer { get; private set; }

    public void Stage(CaseRecord record, FlowDefinition definition, Applied applied)
    {
        var state = applied.State;
        record.StateJson = CaseStateSerializer.Serialize(state);
        record.Version = state.Version;
        record.Status = state.IsClosed ? "closed" : "running";
        record.Outcome = state.Outcome is { } o ? JsonNames.Of(o) : null;
        record.ClosedAt = state.ClosedAt;

        var history = HistoryChain.Seal(record.Id, record.HistoryCount + 1, record.LastHash, applied.Events);
        db.History.AddRange(history.Select(HistoryRow.From));
        if (history.Count > 0)
        {
            record.HistoryCount += history.Count;
            record.LastHash = history[^1].Hash;
        }

        Detach(record.Id);
        _rewritten.Add(record.Id);
        AddDerivedRows(db, record, definition, state, runtime, now, applied.Timers);
        foreach (var timer in applied.Timers)
            if (EarliestTimer is null || timer.FireAt < EarliestTimer) EarliestTimer = timer.FireAt;

        foreach (var alert in applied.Alerts) StageAlert(record, definition, alert);
        db.RiskEvents.AddRange(applied.RiskEvents.Select(r => new RiskEventRecord
        {
            CaseId = record.Id, DefinitionId = record.DefinitionId, RiskPointId = r.RiskPointId, Level = r.Level, RiskText = r.RiskText,
            CheckName = r.CheckName, StepId = r.StepId, StepName = r.StepName, TaskId = string.IsNullOrEmpty(r.TaskId) ? null : r.TaskId,
            ActorId = r.ActorId, ActorName = r.ActorName, At = r.At, Message = r.Message,
        }));
    }

    /// <summary>Rewrites a case's derived rows from its state without a command (after a calendar change).</summary>
    public void Restage(CaseRecord record, FlowDefinition definition, CaseState state)
    {
        Detach(record.Id);
        _rewritten.Add(record.Id);
        AddDerivedRows(db, record, definition, state, runtime, now, runtime.Timers(definition, state));
    }

    /// <summary>Replaces the derived rows of every staged case, drops alerts raised before, and saves.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var ids = _rewritten.ToList();
        foreach (var chunk in ids.Chunk(500))
        {
            await db.Tasks.Where(t => chunk.Contains(t.CaseId)).ExecuteDeleteAsync(ct);
            await db.Deadlines.Where(d => chunk.Contains(d.CaseId)).ExecuteDeleteAsync(ct);
            await db.Timers.Where(t => chunk.Contains(t.CaseId)).ExecuteDeleteAsync(ct);
        }
        if (_staged.Count > 0)
        {
            var alerted = _staged.Select(a => a.CaseId).Distinct().ToList();
            var existing = (await db.Alerts.AsNoTracking().Where(a => alerted.Contains(a.CaseId))
                .Select(a => new { a.CaseId, a.TaskKey, a.Limit, a.Level }).ToListAsync(ct))
                .Select(a => (a.CaseId, a.TaskKey, a.Limit, a.Level)).ToHashSet();
            foreach (var alert in _staged)
            {
                if (existing.Add((alert.CaseId, alert.TaskKey, alert.Limit, alert.Level))) NewAlerts.Add(alert);
                else db.Entry(alert).State = EntityState.Detached;
            }
            _staged.Clear();
        }
        _rewritten.Clear();
        await db.SaveChangesAsync(ct);
    }

    private void StageAlert(CaseRecord record, FlowDefinition definition, AlertSignal alert)
    {
        var row = new AlertRecord
        {
            CaseId = record.Id, CaseNo = record.CaseNo, CaseTitle = record.Title, DefinitionId = record.DefinitionId,
            TaskKey = alert.TaskId ?? "", StepId = alert.StepId, StepName = alert.StepId is { } s ? definition.FindStep(s)?.Name : null,
            Limit = TimerKeys.Name(alert.Limit), Level = alert.Level == AlertLevel.Yellow ? "yellow" : "red",
            DueAt = alert.DueAt, RaisedAt = now, Provisional = alert.Provisional, Status = AlertStatus.Open,
        };
        if (_staged.Any(a => a.CaseId == row.CaseId && a.TaskKey == row.TaskKey && a.Limit == row.Limit && a.Level == row.Level)) return;
        db.Alerts.Add(row);
        _staged.Add(row);
    }

    /// <summary>Forgets derived rows of this case staged earlier in the same batch: the latest state wins.</summary>
    private void Detach(string caseId)
    {
        if (!_rewritten.Contains(caseId)) return;
        foreach (var entry in db.ChangeTracker.Entries().Where(e =>
                     e.Entity is TaskRecord t && t.CaseId == caseId || e.Entity is DeadlineRecord d && d.CaseId == caseId
                     || e.Entity is TimerRecord r && r.CaseId == caseId).ToList())
            entry.State = EntityState.Detached;
    }

    /// <summary>The rows derived from a case state: work-list tasks, deadlines for supervisors, timers for the scheduler.</summary>
    private static void AddDerivedRows(WorkflowDbContext db, CaseRecord record, FlowDefinition definition, CaseState state,
        WorkflowRuntime runtime, DateTimeOffset now, IReadOnlyList<TimerRequest> timers)
    {
        var deadlines = runtime.Deadlines(definition, state, now);
        foreach (var active in state.Active)
        {
            var step = definition.Step(active.StepId);
            var due = deadlines.FirstOrDefault(d => d.TaskId == active.TaskId);
            db.Tasks.Add(new TaskRecord
            {
                CaseId = record.Id, TaskId = active.TaskId, StepId = step.Id, StepName = step.Name, Kind = JsonNames.Of(step.Kind),
                Role = step.WorkListRole, DefinitionId = record.DefinitionId, EnteredAt = active.EnteredAt, DueAt = due?.DueAt,
                Provisional = due?.Provisional ?? false,
            });
        }
        db.Deadlines.AddRange(deadlines.Select(d => new DeadlineRecord
        {
            CaseId = record.Id, LimitKey = d.TaskId ?? TimerKeys.Name(d.Kind), Limit = TimerKeys.Name(d.Kind), TaskId = d.TaskId, StepId = d.StepId,
            DefinitionId = record.DefinitionId, Duration = d.Limit, DueAt = d.DueAt, WarnAt = d.WarnAt, Provisional = d.Provisional, Paused = d.Paused,
        }));
        db.Timers.AddRange(timers.Select(t => new TimerRecord
        {
            CaseId = record.Id, Key = t.Key, Kind = JsonNames.Of(t.Kind), FireAt = t.FireAt, Provisional = t.Provisional,
        }));
    }
}
