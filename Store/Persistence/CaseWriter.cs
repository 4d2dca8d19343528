using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Store.Notifications;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// Writes what an applied command produced, inside the caller's transaction: the state and next timer on the
/// case row, the history (hash-chained), the tasks and deadlines that changed (derived from the state before
/// and after, so an unchanged row costs nothing), the alerts (once each), the risk events, and the work signals with
/// their outbox rows (the handlers told of new work and of yellow and red limits).
/// </summary>
internal sealed class CaseWriter(CaseRows rows, WorkflowRuntime runtime, DateTimeOffset now, NotificationPlanner? planner = null)
{
    public List<AlertRecord> NewAlerts { get; } = [];
    public List<WorkSignal> Signals { get; } = [];
    public DateTimeOffset? EarliestTimer { get; private set; }

    public async Task InsertAsync(CaseRecord record, FlowDefinition definition, Applied applied, CancellationToken ct)
    {
        var after = DerivedRows.Of(definition, applied.State, runtime, now, applied.Timers);
        var history = Update(record, applied, after.NextTimer);
        await rows.InsertCaseAsync(record, ct);
        await WriteAsync(record, definition, applied, history, DerivedRows.None, after, ct);
    }

    /// <summary>Writes the change from <paramref name="before"/>; false when another change to the case got there first.</summary>
    public async Task<bool> UpdateAsync(CaseRecord record, FlowDefinition definition, CaseState before, Applied applied, CancellationToken ct)
    {
        var expected = record.Version;
        var previous = DerivedRows.Of(definition, before, runtime, now, []);
        var after = DerivedRows.Of(definition, applied.State, runtime, now, applied.Timers);
        var history = Update(record, applied, after.NextTimer);
        record.LateAt ??= DeadlineStanding.WentRedAt(previous.DueInstants, now);
        if (!await rows.UpdateCaseAsync(record, expected, ct)) return false;
        await WriteAsync(record, definition, applied, history, previous, after, ct);
        return true;
    }

    /// <summary>Recomputes the derived rows and next timer of an unchanged state (after a calendar year is loaded).</summary>
    public async Task RederiveAsync(CaseRecord record, FlowDefinition definition, CaseState state, DerivedRows previous, CancellationToken ct)
    {
        var after = DerivedRows.Of(definition, state, runtime, now, runtime.Timers(definition, state));
        await rows.SetNextTimerAsync(record.Id, after.NextTimer, ct);
        await WriteDerivedAsync(record, previous, after, ct);
        Track(after.NextTimer);
    }

    private IReadOnlyList<HistoryRecord> Update(CaseRecord record, Applied applied, DateTimeOffset? nextTimer)
    {
        var state = applied.State;
        record.StateJson = CaseStateSerializer.Serialize(state);
        record.Version = state.Version;
        record.Status = state.IsClosed ? "closed" : "running";
        record.Outcome = state.Outcome is { } o ? JsonNames.Of(o) : null;
        record.ClosedAt = state.ClosedAt;
        record.NextTimerAt = nextTimer;
        var history = HistoryChain.Seal(record.Id, record.HistoryCount + 1, record.LastHash, applied.Events);
        if (history.Count > 0)
        {
            record.HistoryCount += history.Count;
            record.LastHash = history[^1].Hash;
        }
        return history;
    }

    private async Task WriteAsync(CaseRecord record, FlowDefinition definition, Applied applied, IReadOnlyList<HistoryRecord> history,
        DerivedRows previous, DerivedRows after, CancellationToken ct)
    {
        await rows.InsertHistoryAsync(history, ct);
        await WriteDerivedAsync(record, previous, after, ct);
        Track(after.NextTimer);
        var stored = new List<long>();
        foreach (var alert in applied.Alerts)
        {
            var row = new AlertRecord
            {
                CaseId = record.Id, CaseNo = record.CaseNo, CaseTitle = record.Title, DefinitionId = record.DefinitionId,
                TaskKey = alert.TaskId ?? "", StepId = alert.StepId, StepName = alert.StepId is { } s ? definition.FindStep(s)?.Name : null,
                Limit = JsonNames.Of(alert.Limit), Level = JsonNames.Of(alert.Level),
                DueAt = alert.DueAt, RaisedAt = now, Provisional = alert.Provisional, Status = AlertStatus.Open,
            };
            if (await rows.InsertAlertOnceAsync(row, ct) is { } id)
            {
                row.Id = id;
                NewAlerts.Add(row);
                stored.Add(id);
            }
        }
        await rows.NotifyAlertsAsync(stored, ct);
        foreach (var r in applied.RiskEvents)
            await rows.InsertRiskEventAsync(new RiskEventRecord
            {
                CaseId = record.Id, DefinitionId = record.DefinitionId, RiskPointId = r.RiskPointId, Level = r.Level, RiskText = r.RiskText,
                CheckName = r.CheckName, StepId = r.StepId, StepName = r.StepName, TaskId = string.IsNullOrEmpty(r.TaskId) ? null : r.TaskId,
                ActorId = r.ActorId, ActorName = r.ActorName, At = r.At, Message = r.Message,
            }, ct);
        await SignalAsync(record, previous, after, ct);
    }

    /// <summary>Tells the holders of the posts concerned: tasks that arrived, and the yellow and red cards just raised.</summary>
    private async Task SignalAsync(CaseRecord record, DerivedRows previous, DerivedRows after, CancellationToken ct)
    {
        var signals = new List<WorkSignal>();
        var before = previous.Tasks.Select(t => t.TaskId).ToHashSet();
        foreach (var task in after.Tasks.Where(t => !before.Contains(t.TaskId)))
            signals.Add(new WorkSignal(WorkSignalKinds.Arrived, record.Id, record.CaseNo, record.Title, record.DefinitionId, task.TaskId,
                task.StepName, task.Role, null, task.DueAt, now));
        foreach (var alert in NewAlerts.Where(a => a.CaseId == record.Id))
        {
            var kind = alert.Level == JsonNames.Of(DeadlineLevel.Red) ? WorkSignalKinds.Red : WorkSignalKinds.Yellow;
            var concerned = alert.TaskKey.Length > 0 ? after.Tasks.Where(t => t.TaskId == alert.TaskKey) : after.Tasks;
            foreach (var task in concerned.DistinctBy(t => t.Role))
                signals.Add(new WorkSignal(kind, record.Id, record.CaseNo, record.Title, record.DefinitionId, task.TaskId,
                    alert.TaskKey.Length > 0 ? task.StepName : alert.StepName ?? task.StepName, task.Role, null, alert.DueAt, now));
        }
        if (signals.Count == 0) return;
        Signals.AddRange(signals);
        if (planner is not null)
            foreach (var row in planner.Plan(signals, now)) await rows.InsertNotificationAsync(row, ct);
        foreach (var payload in WorkSignalPayload.Batches(signals)) await rows.NotifyWorkAsync(payload, ct);
    }

    /// <summary>Deletes the rows that went away or changed and inserts the new and changed ones.</summary>
    private async Task WriteDerivedAsync(CaseRecord record, DerivedRows previous, DerivedRows after, CancellationToken ct)
    {
        foreach (var old in previous.Tasks.Where(t => !after.Tasks.Contains(t))) await rows.DeleteTaskAsync(record.Id, old.TaskId, ct);
        foreach (var row in after.Tasks.Where(t => !previous.Tasks.Contains(t))) await rows.InsertTaskAsync(record.Id, record.DefinitionId, row, ct);
        foreach (var old in previous.Deadlines.Where(d => !after.Deadlines.Contains(d))) await rows.DeleteDeadlineAsync(record.Id, old.Limit, ct);
        foreach (var row in after.Deadlines.Where(d => !previous.Deadlines.Contains(d))) await rows.InsertDeadlineAsync(record.Id, record.DefinitionId, row, ct);
    }

    private void Track(DateTimeOffset? next)
    {
        if (next is { } at && (EarliestTimer is null || at < EarliestTimer)) EarliestTimer = at;
    }
}
