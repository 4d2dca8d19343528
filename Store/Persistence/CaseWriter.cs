using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Store.Notifications;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Store.Persistence;

/// <summary>See <see cref="CaseWriter.Prepare"/>.</summary>
internal sealed record PreparedUpdate(DerivedRows Previous, DerivedRows After, bool AnchorHeld, string StateJson, IReadOnlyList<HistoryRecord> Sealed);

/// <summary>
/// Writes what an applied command produced, inside the caller's transaction: the state, next timer and keyed anchor
/// (history count, last hash, state hash, HMAC) on the case row, the history (hash-chained), the tasks, deadlines, copies
/// and urges that changed (derived from the state before and after, so an unchanged row costs nothing), the alerts (once
/// each), the risk events, and the work signals with their outbox rows (the handlers told of new, handed-over and urged
/// work and of yellow and red limits).
/// </summary>
internal sealed class CaseWriter(CaseRows rows, WorkflowRuntime runtime, DateTimeOffset now, NotificationPlanner? planner = null)
{
    public List<AlertRecord> NewAlerts { get; } = [];
    public List<WorkSignal> Signals { get; } = [];
    public DateTimeOffset? EarliestTimer { get; private set; }

    public async Task InsertAsync(CaseRecord record, FlowDefinition definition, Applied applied, CancellationToken ct)
    {
        var after = DerivedRows.Of(definition, applied.State, runtime, now, applied.Timers);
        var history = Update(record, applied, CaseStateSerializer.Serialize(applied.State), [], after.NextTimer, anchorHeld: true);
        await rows.InsertCaseAsync(record, ct);
        if (record.ClosedAt is not null) await rows.CountClosedAsync(record, ct);
        await WriteAsync(record, definition, applied, history, DerivedRows.None, after, ct);
    }

    /// <summary>
    /// What an update writes that follows from the row as read and the command's result alone, so that it can be worked
    /// out before the write connection is taken: the derived rows before and after, whether the row's anchor holds, the
    /// state's JSON and its events sealed into the history chain. <paramref name="previousDefinition"/> is the version <paramref name="before"/> ran on when it differs (a migration).
    /// </summary>
    public static PreparedUpdate Prepare(CaseRecord record, FlowDefinition definition, CaseState before, Applied applied, WorkflowRuntime runtime,
        DateTimeOffset now, ChainKeyRing keys, FlowDefinition? previousDefinition = null) => new(
        DerivedRows.Of(previousDefinition ?? definition, before, runtime, now, []),
        DerivedRows.Of(definition, applied.State, runtime, now, applied.Timers),
        AnchorHolds(record, keys),
        CaseStateSerializer.Serialize(applied.State),
        HistoryChain.Seal(record.Id, record.HistoryCount + 1, record.LastHash, applied.Events));

    /// <summary>
    /// Writes the change from <paramref name="before"/>; false when another change to the case got there first.
    /// <paramref name="prepared"/> is <see cref="Prepare"/> of this row and result at this writer's time, when already worked out.
    /// </summary>
    public async Task<bool> UpdateAsync(CaseRecord record, FlowDefinition definition, CaseState before, Applied applied, CancellationToken ct,
        FlowDefinition? previousDefinition = null, PreparedUpdate? prepared = null)
    {
        var was = record.Copy();
        var (previous, after, anchorHeld, stateJson, sealedAhead) = prepared ?? Prepare(record, definition, before, applied, runtime, now, rows.Keys, previousDefinition);
        record.DefinitionVersion = applied.State.DefinitionVersion;
        var history = Update(record, applied, stateJson, sealedAhead, after.NextTimer, anchorHeld);
        record.LateAt ??= DeadlineStanding.WentRedAt(previous.DueInstants, now);
        if (!await rows.UpdateCaseAsync(record, was, ct)) return false;
        if (!before.IsClosed && applied.State.IsClosed) await rows.CountClosedAsync(record, ct);
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

    /// <summary>
    /// Re-anchors only a case whose anchor holds as read. A case changed behind the service's back keeps its broken
    /// anchor through later writes, so that the tampering stays evident rather than being signed over.
    /// </summary>
    /// <param name="sealedAhead">The first of the events, already sealed onto the row's chain; the rest (documents issued since) continue it.</param>
    private IReadOnlyList<HistoryRecord> Update(CaseRecord record, Applied applied, string stateJson, IReadOnlyList<HistoryRecord> sealedAhead,
        DateTimeOffset? nextTimer, bool anchorHeld)
    {
        var state = applied.State;
        record.StateJson = stateJson;
        record.Version = state.Version;
        record.Status = state.IsClosed ? "closed" : "running";
        record.Outcome = state.Outcome is { } o ? JsonNames.Of(o) : null;
        record.ClosedAt = state.ClosedAt;
        record.NextTimerAt = nextTimer;
        var history = sealedAhead.Concat(HistoryChain.Seal(record.Id, record.HistoryCount + 1 + sealedAhead.Count,
            sealedAhead.Count > 0 ? sealedAhead[^1].Hash : record.LastHash, applied.Events.Skip(sealedAhead.Count))).ToList();
        if (history.Count > 0)
        {
            record.HistoryCount += history.Count;
            record.LastHash = history[^1].Hash;
        }
        if (anchorHeld) Anchor(record, rows.Keys);
        return history;
    }

    private static bool AnchorHolds(CaseRecord r, ChainKeyRing keys) => CaseIntegrity.AnchorProblems(
        new StoredCase(r.Id, r.CaseNo, r.HistoryCount, r.LastHash, r.StateJson, r.StateHash, r.AnchorKeyId, r.AnchorMac), keys.Find).Count == 0;

    /// <summary>Signs the row's history count, last hash and state with the current chain key.</summary>
    internal static void Anchor(CaseRecord record, ChainKeyRing keys)
    {
        var anchor = CaseAnchor.Seal(record.Id, record.HistoryCount, record.LastHash, record.StateJson, keys.CurrentId, keys.Current);
        record.StateHash = anchor.StateHash;
        record.AnchorKeyId = anchor.KeyId;
        record.AnchorMac = anchor.Mac;
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
        foreach (var task in after.Tasks)
        {
            var was = previous.Tasks.FirstOrDefault(t => t.TaskId == task.TaskId);
            if (was is not null && was.AssignedTo == task.AssignedTo && was.Assignees == task.Assignees) continue;
            foreach (var person in Addressees(task))
                signals.Add(new WorkSignal(WorkSignalKinds.Arrived, record.Id, record.CaseNo, record.Title, record.DefinitionId, task.TaskId,
                    task.StepName, task.Role, person, task.DueAt, now));
        }
        var urged = previous.Urges?.Select(u => u.UrgeId).ToHashSet();
        foreach (var urge in after.Urges?.Where(u => urged is not null && !urged.Contains(u.UrgeId)) ?? [])
        {
            var task = after.Tasks.FirstOrDefault(t => t.TaskId == urge.TaskId);
            foreach (var person in urge.AddressedTo is { } one ? new string?[] { one } : task is null ? [] : Addressees(task))
                signals.Add(new WorkSignal(WorkSignalKinds.Urged, record.Id, record.CaseNo, record.Title, record.DefinitionId, urge.TaskId,
                    task?.StepName, task?.Role ?? "", person, urge.ReplyBy, now, urge.Message));
        }
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
        foreach (var old in previous.Tasks.Where(t => !after.Tasks.Contains(t))) await rows.DeleteTaskAsync(record.Id, old, ct);
        foreach (var row in after.Tasks.Where(t => !previous.Tasks.Contains(t))) await rows.InsertTaskAsync(record.Id, record.DefinitionId, row, ct);
        foreach (var old in previous.Deadlines.Where(d => !after.Deadlines.Contains(d))) await rows.DeleteDeadlineAsync(record.Id, old.Limit, ct);
        foreach (var row in after.Deadlines.Where(d => !previous.Deadlines.Contains(d))) await rows.InsertDeadlineAsync(record.Id, record.DefinitionId, row, ct);
        foreach (var old in previous.CarbonCopies.Where(c => !after.CarbonCopies.Contains(c))) await rows.DeleteCarbonCopyAsync(record.Id, old, ct);
        foreach (var row in after.CarbonCopies.Where(c => !previous.CarbonCopies.Contains(c))) await rows.InsertCarbonCopyAsync(record.Id, record.DefinitionId, row, ct);
        if (previous.Urges is { } urgesBefore && after.Urges is { } urgesAfter)
        {
            foreach (var old in urgesBefore.Where(u => !urgesAfter.Contains(u))) await rows.DeleteUrgeAsync(record.Id, old.UrgeId, ct);
            foreach (var row in urgesAfter.Where(u => !urgesBefore.Contains(u))) await rows.InsertUrgeAsync(record.Id, row, ct);
        }
    }

    /// <summary>Who a task is news for: the one person it is handed to, the people an approver rule named, or (null) its post's holders.</summary>
    private static IEnumerable<string?> Addressees(TaskRow task) =>
        task.AssignedTo is { } one ? [one]
        : task.Assignees is not null ? [.. task.NamedPeople]
        : [null];

    private void Track(DateTimeOffset? next)
    {
        if (next is { } at && (EarliestTimer is null || at < EarliestTimer)) EarliestTimer = at;
    }
}
