using System.Collections.Immutable;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Persistence;
using WorkflowEngine.Engine.Persistence.Records;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Engine.Services;

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
    IDbContextFactory<WorkflowDbContext> dbFactory, DefinitionStore definitions, RuntimeProvider runtimes, TimeProvider clock,
    IEnumerable<ICaseObserver> observers)
{
    public async Task<CaseResult> StartAsync(string definitionId, ImmutableDictionary<string, Value> data, Actor actor, CancellationToken ct = default)
    {
        var stored = await definitions.FindAsync(definitionId, null, ct);
        if (stored is null) return NotFound($"流程“{definitionId}”不存在或尚未发布。");
        var definition = definitions.Parse(stored);
        var runtime = runtimes.Create();
        var now = clock.GetUtcNow();
        var outcome = runtime.Execute(definition, null, new StartCase(Guid.NewGuid().ToString("N"), data), actor, now);
        if (outcome is not Applied applied) return new CaseResult(null, null, definition, outcome);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var record = new CaseRecord
        {
            Id = applied.State.CaseId, CaseNo = await NextCaseNumberAsync(db, now, ct), DefinitionId = definition.Id,
            DefinitionVersion = definition.Version, Title = Title(definition, applied.State.Data), Status = "running",
            StartedAt = now, StartedBy = actor.Id, Version = 0, StateJson = "", HistoryCount = 0, LastHash = Audit.HistoryChain.Genesis,
        };
        db.Cases.Add(record);
        var writer = new CaseWriter(db, runtime, now);
        writer.Stage(record, definition, applied);
        await writer.FlushAsync(ct);
        await transaction.CommitAsync(ct);
        Notify(writer);
        return new CaseResult(record, applied.State, definition, outcome);
    }

    public async Task<CaseResult> ExecuteAsync(string caseId, Command command, Actor actor, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var record = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (record is null) return NotFound($"案件“{caseId}”不存在。");
            var definition = await definitions.GetAsync(record.DefinitionId, record.DefinitionVersion, ct)
                ?? throw new InvalidDataException($"Definition {record.DefinitionId} v{record.DefinitionVersion} of case {caseId} is missing.");
            var state = CaseStateSerializer.Deserialize(record.StateJson);
            var runtime = runtimes.Create();
            var now = clock.GetUtcNow();
            var outcome = runtime.Execute(definition, state, command, actor, now);
            if (outcome is not Applied applied) return new CaseResult(record, state, definition, outcome);

            var writer = new CaseWriter(db, runtime, now);
            writer.Stage(record, definition, applied);
            await writer.FlushAsync(ct);
            await transaction.CommitAsync(ct);
            Notify(writer);
            return new CaseResult(record, applied.State, definition, outcome);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CaseResult(null, null, null, new Refused(RefusalCode.StaleVersion, "案件已被他人同时更新，请刷新后重试。"));
        }
    }

    /// <summary>
    /// Fires every timer due up to <paramref name="upTo"/>, earliest first, in transactions of up to
    /// <paramref name="batchSize"/> timers; each case's timers fire in order and the case is written once.
    /// A timer the case no longer wants is dropped. Returns how many fired.
    /// </summary>
    public async Task<int> FireDueTimersAsync(DateTimeOffset upTo, int batchSize = 500, CancellationToken ct = default)
    {
        var fired = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var due = await db.Timers.AsNoTracking().Where(t => t.FireAt <= upTo)
                .OrderBy(t => t.FireAt).ThenBy(t => t.CaseId).ThenBy(t => t.Key).Take(batchSize).ToListAsync(ct);
            if (due.Count == 0) break;

            var runtime = runtimes.Create();
            var now = clock.GetUtcNow();
            var writer = new CaseWriter(db, runtime, now);
            var caseIds = due.Select(t => t.CaseId).Distinct().ToList();
            var records = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var stale = new List<(string CaseId, string Key)>();
            foreach (var group in due.GroupBy(t => t.CaseId))
            {
                if (!records.TryGetValue(group.Key, out var record))
                {
                    stale.AddRange(group.Select(t => (t.CaseId, t.Key)));
                    continue;
                }
                var definition = (await definitions.GetAsync(record.DefinitionId, record.DefinitionVersion, ct))!;
                var state = CaseStateSerializer.Deserialize(record.StateJson);
                var applied = new List<Applied>();
                foreach (var timer in group)
                {
                    if (runtime.Execute(definition, state, new FireTimer(timer.Key), Actor.System, now) is Applied a)
                    {
                        applied.Add(a);
                        state = a.State;
                    }
                    else stale.Add((timer.CaseId, timer.Key));
                }
                if (applied.Count == 0) continue;
                writer.Stage(record, definition, new Applied(state, applied.SelectMany(a => a.Events).ToList(),
                    applied.SelectMany(a => a.RiskEvents).ToList(), applied.SelectMany(a => a.Alerts).ToList(), applied[^1].Timers));
                fired += applied.Count;
            }
            await writer.FlushAsync(ct);
            foreach (var (caseId, key) in stale)
                await db.Timers.Where(t => t.CaseId == caseId && t.Key == key).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            Notify(writer);
        }
        return fired;
    }

    /// <summary>The earliest timer of any case, for the scheduler.</summary>
    public async Task<DateTimeOffset?> NextTimerAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var next = await db.Timers.AsNoTracking().OrderBy(t => t.FireAt).Select(t => (DateTimeOffset?)t.FireAt).FirstOrDefaultAsync(ct);
        return next;
    }

    private void Notify(CaseWriter writer)
    {
        foreach (var observer in observers) observer.Committed(writer.NewAlerts, writer.EarliestTimer);
    }

    private static CaseResult NotFound(string message) => new(null, null, null, new Refused(RefusalCode.NotFound, message));

    /// <summary>Case numbers run per year in China time: 2026-000001, 2026-000002 …</summary>
    private static async Task<string> NextCaseNumberAsync(WorkflowDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var prefix = WorkCalendar.LocalDate(now).Year.ToString(CultureInfo.InvariantCulture) + "-";
        var last = await db.Cases.Where(c => c.CaseNo.StartsWith(prefix)).MaxAsync(c => (string?)c.CaseNo, ct);
        var number = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return prefix + number.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A short title for lists: the first two required text fields of the case.</summary>
    public static string Title(FlowDefinition definition, IReadOnlyDictionary<string, Value> data)
    {
        var parts = definition.Fields.Where(f => f.Required && f.Type is FieldType.Text or FieldType.Choice)
            .Select(f => data.TryGetValue(f.Id, out var v) && v.Kind == ValueKind.String ? v.AsString : null)
            .OfType<string>().Take(2).ToList();
        return parts.Count == 0 ? definition.Name : string.Join(" · ", parts);
    }
}
