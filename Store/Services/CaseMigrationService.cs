using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Store.Services;

/// <summary>Which cases of a flow to move from one version to another, and how their open steps map.</summary>
public sealed record MigrationRequest(
    string FlowId, FlowDefinition From, FlowDefinition To, IReadOnlyDictionary<string, string> Mapping, IReadOnlyList<string>? CaseIds,
    bool AcceptDeadlineChanges);

/// <summary>One case's result: moved, or the reasons it was not (and, either way, the time limits that move).</summary>
public sealed record CaseMigrationResult(
    string CaseId, string CaseNo, string Title, IReadOnlyList<string> Steps, bool Moved, IReadOnlyList<string> Reasons,
    IReadOnlyList<DeadlineChange> DeadlineChanges);

/// <summary>
/// Moves running cases between versions of their flow with the core's <see cref="VersionMigration"/> rule. The dry run
/// only reads; the run writes each case in its own transaction (the new state, one hash-chained history entry, the
/// derived work-list and deadline rows and the next timer), so one case that cannot move leaves the others moved.
/// </summary>
public sealed class CaseMigrationService(
    IDbContextFactory<WorkflowDbContext> dbFactory, WriteConnection writes, RuntimeProvider runtimes, TimeProvider clock,
    IEnumerable<ICaseObserver> observers, CaseStateCache states)
{
    public async Task<IReadOnlyList<CaseMigrationResult>> DryRunAsync(MigrationRequest request, Actor actor, CancellationToken ct)
    {
        var runtime = runtimes.Create();
        var now = clock.GetUtcNow();
        var results = new List<CaseMigrationResult>();
        foreach (var target in await TargetsAsync(request, ct))
        {
            if (target.Record is not { } record) { results.Add(Missing(target.CaseId, request)); continue; }
            var state = states.Read(record.Id, record.StateJson);
            results.Add(Result(record.Id, record.CaseNo, record.Title, request.From, state,
                runtime.Migrate(request.From, request.To, state, request.Mapping, actor, now, request.AcceptDeadlineChanges)));
        }
        return results;
    }

    public async Task<IReadOnlyList<CaseMigrationResult>> RunAsync(MigrationRequest request, Actor actor, CancellationToken ct)
    {
        var results = new List<CaseMigrationResult>();
        foreach (var target in await TargetsAsync(request, ct))
        {
            if (target.Record is null) { results.Add(Missing(target.CaseId, request)); continue; }
            results.Add(await MoveAsync(target.CaseId, request, actor, ct));
        }
        return results;
    }

    private async Task<CaseMigrationResult> MoveAsync(string caseId, MigrationRequest request, Actor actor, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(ct);
        var rows = transaction.Rows;
        var record = await rows.LoadAsync(caseId, ct);
        if (record is null || record.DefinitionId != request.FlowId || record.DefinitionVersion != request.From.Version) return Missing(caseId, request);
        var state = states.Read(record.Id, record.StateJson);
        var runtime = runtimes.Create();
        var now = clock.GetUtcNow();
        var outcome = runtime.Migrate(request.From, request.To, state, request.Mapping, actor, now, request.AcceptDeadlineChanges);
        if (outcome.Applied is not { } applied) return Result(record.Id, record.CaseNo, record.Title, request.From, state, outcome);
        var writer = new CaseWriter(rows, runtime, now);
        if (!await writer.UpdateAsync(record, request.To, state, applied, ct, previousDefinition: request.From))
            return Result(record.Id, record.CaseNo, record.Title, request.From, state,
                outcome with { Applied = null, Reasons = ["案件已被他人同时更新，请重新试运行后再迁移。"] });
        await transaction.CommitAsync(ct);
        states.Remember(record, applied.State);
        foreach (var observer in observers) observer.Committed(writer.NewAlerts, writer.EarliestTimer);
        return Result(record.Id, record.CaseNo, record.Title, request.From, state, outcome);
    }

    private sealed record Target(string CaseId, Persistence.Records.CaseRecord? Record);

    /// <summary>The running cases of the source version (or those chosen); a chosen case that is not one of them is reported.</summary>
    private async Task<IReadOnlyList<Target>> TargetsAsync(MigrationRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Cases.AsNoTracking()
            .Where(c => c.DefinitionId == request.FlowId && c.DefinitionVersion == request.From.Version && c.Status == "running");
        if (request.CaseIds is { } ids) query = query.Where(c => ids.Contains(c.Id));
        var found = await query.OrderBy(c => c.StartedAt).ThenBy(c => c.Id).ToListAsync(ct);
        var targets = found.Select(c => new Target(c.Id, c)).ToList();
        if (request.CaseIds is { } chosen)
            targets.AddRange(chosen.Distinct().Where(id => found.All(c => c.Id != id)).Select(id => new Target(id, null)));
        return targets;
    }

    private static CaseMigrationResult Missing(string caseId, MigrationRequest request) =>
        new(caseId, "", "", [], false, [$"案件不存在，或不是第 {request.From.Version} 版上正在办理的案件。"], []);

    private static CaseMigrationResult Result(string id, string caseNo, string title, FlowDefinition from, CaseState state, MigrationOutcome outcome) =>
        new(id, caseNo, title, state.Active.Select(a => from.FindStep(a.StepId)?.Name ?? a.StepId).ToList(), outcome.Moved, outcome.Reasons, outcome.DeadlineChanges);
}
