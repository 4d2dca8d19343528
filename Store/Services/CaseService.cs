using System.Collections.Immutable;
using System.Globalization;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Store.Notifications;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Store.Services;

/// <summary>The result of a command through the service: the stored case after it, and what the runtime said.</summary>
public sealed record CaseResult(CaseRecord? Record, CaseState? State, FlowDefinition? Definition, CommandResult Outcome)
{
    public bool IsApplied => Outcome is Applied;
}

/// <summary>
/// Runs commands on stored cases: loads the case, asks the pure runtime, and writes everything the command
/// produced in one transaction — all of it or none of it. Two commands on the same case version: one wins,
/// the other is refused as stale.
/// </summary>
public sealed class CaseService(
    WriteConnection writes, DefinitionStore definitions, RuntimeProvider runtimes, TimeProvider clock,
    IEnumerable<ICaseObserver> observers, CaseStateCache states, Documents.DocumentIssuer documents, NotificationPlanner? planner = null)
{
    public async Task<CaseResult> StartAsync(string definitionId, ImmutableDictionary<string, Value> data, Actor actor, CancellationToken ct = default)
    {
        var definition = await definitions.PublishedAsync(definitionId, ct);
        if (definition is null) return NotFound($"流程“{definitionId}”不存在或尚未发布。");
        var runtime = runtimes.Create();
        var now = clock.GetUtcNow();
        var outcome = runtime.Execute(definition, null, new StartCase(Guid.CreateVersion7(now).ToString("N"), data), actor, now);
        if (outcome is not Applied applied) return new CaseResult(null, null, definition, outcome);

        await using (var transaction = await writes.BeginAsync(ct))
        {
            var rows = transaction.Rows;
            await rows.LockCaseNumbersAsync(ct);
            var record = new CaseRecord
            {
                Id = applied.State.CaseId, CaseNo = await NextCaseNumberAsync(rows, now, ct), DefinitionId = definition.Id,
                DefinitionVersion = definition.Version, Title = Title(definition, applied.State.Data), Status = "running",
                StartedAt = now, StartedBy = actor.Id, Version = 0, StateJson = "", HistoryCount = 0, LastHash = Engine.Audit.HistoryChain.Genesis,
            };
            var writer = new CaseWriter(rows, runtime, now, planner);
            await writer.InsertAsync(record, definition, applied, ct);
            await transaction.CommitAsync(ct);
            states.Remember(record, applied.State);
            Notify(writer);
            return new CaseResult(record, applied.State, definition, outcome);
        }
    }

    /// <param name="visible">Whether the actor may see the case at all; a case they may not see is answered as missing.</param>
    public async Task<CaseResult> ExecuteAsync(string caseId, Command command, Actor actor, CancellationToken ct = default,
        Func<FlowDefinition, CaseState, bool>? visible = null)
    {
        // Worked out before the write connection is taken, from the row this node last wrote: under the connection the row
        // is read again and the decision is used only if the row is still the same; otherwise it is worked out there.
        var early = states.Written(caseId) is var (row, state) ? await DecideAsync(row, state, command, actor, visible, ct) : null;
        await using var transaction = await writes.BeginAsync(ct);
        var rows = transaction.Rows;
        var record = await rows.LoadAsync(caseId, ct);
        if (record is null) return NotFound($"案件“{caseId}”不存在。");
        var decision = early is not null && early.Row.SameRow(record)
            ? early
            : await DecideAsync(record, states.Read(record.Id, record.StateJson), command, actor, visible, ct);
        if (!decision.Visible) return new CaseResult(null, null, null, decision.Outcome);
        var (definition, before, outcome, now) = (decision.Definition, decision.Before, decision.Outcome, decision.Now);
        if (outcome is Refused { Code: RefusalCode.RuleBlocked } blocked
            && BlockedAttempt.Of(record, definition, before, command, actor, blocked, now) is { } attempt)
        {
            // The case stays as it was; only the ledger learns of the attempt a risk check refused.
            await rows.InsertRiskEventAsync(attempt, ct);
            await transaction.CommitAsync(ct);
        }
        if (outcome is not Applied applied) return new CaseResult(record, before, definition, outcome);

        applied = applied with
        {
            Events = [.. applied.Events, .. await documents.IssueNewAsync(rows, record, definition, before, applied.State, now, ct, decision.DocumentOutlook)],
        };
        var writer = new CaseWriter(rows, decision.Runtime, now, planner);
        if (!await writer.UpdateAsync(record, definition, before, applied, ct, prepared: decision.Update))
            return new CaseResult(null, null, null, new Refused(RefusalCode.StaleVersion, "案件已被他人同时更新，请刷新后重试。"));
        await transaction.CommitAsync(ct);
        states.Remember(record, applied.State);
        Notify(writer);
        return new CaseResult(record, applied.State, definition, outcome);
    }

    /// <summary>A command worked out on a row: the runtime's answer and, when applied, what writing it takes.</summary>
    private sealed record Decision(CaseRecord Row, FlowDefinition Definition, CaseState Before, bool Visible, WorkflowRuntime Runtime,
        DateTimeOffset Now, CommandResult Outcome, PreparedUpdate? Update, CaseOutlook? DocumentOutlook);

    private async Task<Decision> DecideAsync(CaseRecord row, CaseState before, Command command, Actor actor,
        Func<FlowDefinition, CaseState, bool>? visible, CancellationToken ct)
    {
        var definition = await definitions.GetAsync(row.DefinitionId, row.DefinitionVersion, ct)
            ?? throw new InvalidDataException($"Definition {row.DefinitionId} v{row.DefinitionVersion} of case {row.Id} is missing.");
        var runtime = runtimes.Create();
        var now = clock.GetUtcNow();
        if (visible is not null && !visible(definition, before))
            return new Decision(row, definition, before, false, runtime, now, NotFound($"案件“{row.Id}”不存在。").Outcome, null, null);
        var outcome = runtime.Execute(definition, before, command, actor, now);
        return outcome is Applied applied
            ? new Decision(row, definition, before, true, runtime, now, outcome,
                CaseWriter.Prepare(row, definition, before, applied, runtime, now, writes.Keys),
                documents.OutlookForNew(definition, before, applied.State, now))
            : new Decision(row, definition, before, true, runtime, now, outcome, null, null);
    }

    /// <summary>
    /// Fires every timer due up to <paramref name="upTo"/>: cases are taken in order of their next timer, in
    /// transactions of up to <paramref name="batchSize"/> cases; each case's due timers fire in order and the case
    /// is written once. A timer that cannot be applied is retried an hour later. Returns how many timers fired.
    /// </summary>
    public async Task<int> FireDueTimersAsync(DateTimeOffset upTo, int batchSize = 500, CancellationToken ct = default)
    {
        var fired = 0;
        while (!ct.IsCancellationRequested)
        {
            await using (var transaction = await writes.BeginAsync(ct))
            {
                var rows = transaction.Rows;
                var due = await rows.DueAsync(upTo, batchSize, ct);
                if (due.Count == 0) break;
                var runtime = runtimes.Create();
                var now = clock.GetUtcNow();
                var writer = new CaseWriter(rows, runtime, now, planner);
                foreach (var record in due)
                {
                    var definition = (await definitions.GetAsync(record.DefinitionId, record.DefinitionVersion, ct))!;
                    var before = states.Read(record.Id, record.StateJson);
                    var state = before;
                    var applied = new List<Applied>();
                    var refused = new HashSet<string>();
                    var timers = runtime.Timers(definition, state);
                    while (timers.Where(t => t.FireAt <= upTo && !refused.Contains(t.Key))
                               .OrderBy(t => t.FireAt).ThenBy(t => t.Key).FirstOrDefault() is { } timer)
                    {
                        if (runtime.Execute(definition, state, new FireTimer(timer.Key), Actor.System, now) is Applied a)
                        {
                            applied.Add(a);
                            (state, timers) = (a.State, a.Timers);
                        }
                        else refused.Add(timer.Key);
                    }
                    var remaining = timers.Where(t => !refused.Contains(t.Key)).ToList();
                    DateTimeOffset? next = remaining.Count == 0 ? null : remaining.Min(t => t.FireAt);
                    if (refused.Count > 0 && (next is null || next > now.AddHours(1))) next = now.AddHours(1);
                    if (applied.Count > 0)
                    {
                        var issued = await documents.IssueNewAsync(rows, record, definition, before, state, now, ct);
                        var combined = new Applied(state, [.. applied.SelectMany(a => a.Events), .. issued], applied.SelectMany(a => a.RiskEvents).ToList(),
                            applied.SelectMany(a => a.Alerts).ToList(), remaining);
                        // Another node may have acted on the case since it was read: it is due again and the next round sees it.
                        if (!await writer.UpdateAsync(record, definition, before, combined, ct)) continue;
                        states.Remember(record, state);
                        fired += applied.Count;
                    }
                    if (applied.Count == 0 || refused.Count > 0) await rows.SetNextTimerAsync(record.Id, next, ct);
                }
                await transaction.CommitAsync(ct);
                Notify(writer);
            }
        }
        return fired;
    }

    private void Notify(CaseWriter writer)
    {
        foreach (var observer in observers)
        {
            observer.Committed(writer.NewAlerts, writer.EarliestTimer);
            if (writer.Signals.Count > 0) observer.Signalled(writer.Signals);
        }
    }

    private static CaseResult NotFound(string message) => new(null, null, null, new Refused(RefusalCode.NotFound, message));

    /// <summary>Case numbers run per year in China time: 2026-000001, 2026-000002 …</summary>
    private static async Task<string> NextCaseNumberAsync(CaseRows rows, DateTimeOffset now, CancellationToken ct)
    {
        var year = WorkCalendar.LocalDate(now).Year.ToString(CultureInfo.InvariantCulture);
        var last = await rows.LastCaseNumberAsync(year, ct);
        var number = last is null ? 1 : int.Parse(last[(year.Length + 1)..], CultureInfo.InvariantCulture) + 1;
        return $"{year}-{number.ToString("D6", CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// A short title for lists: the definition's title fields, or the first two required text fields — never a confidential
    /// field, since lists and search show the title to everyone in scope.
    /// </summary>
    public static string Title(FlowDefinition definition, IReadOnlyDictionary<string, Value> data)
    {
        var fields = (definition.CaseTitle.Count > 0 ? definition.CaseTitle
            : definition.Fields.Where(f => f.Required && f.Type is FieldType.Text or FieldType.Choice && !f.Confidential).Select(f => f.Id).Take(2))
            .Where(id => definition.FindField(id) is not { Confidential: true });
        var parts = fields.Select(id => data.TryGetValue(id, out var v) && v.Kind == ValueKind.String ? v.AsString : null)
            .OfType<string>().ToList();
        return parts.Count == 0 ? definition.Name : string.Join(" · ", parts);
    }
}
