using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Api;

public sealed record OpenDeadlineDto(
    string CaseId, string CaseNo, string Title, string DefinitionId, string DefinitionName, string? Category, string Limit, string? TaskId,
    string? StepName, string Period, string PeriodText, int WorkingDaysLeft, DateTimeOffset DueAt, DateTimeOffset? WarnAt, bool Provisional, bool Paused, DeadlineLevel Level,
    IReadOnlyList<ResponsibleDto> Responsible);

public sealed record OnTimeDto(string DefinitionId, string DefinitionName, string? Category, string Month, int Closed, int OnTime);

/// <summary>What supervisors (电子监察) read besides alerts: open deadlines by urgency, and on-time rates.</summary>
public static class SupervisionEndpoints
{
    public static void MapSupervision(this IEndpointRouteBuilder app)
    {
        // Open deadlines (case limits and step limits) by due instant, filtered by level in the database with the rule of
        // DeadlineStanding.Level (red once now >= due, yellow once now >= warn); paged by keyset on (due_at, case_id, limit or task).
        app.MapGet("/api/deadlines", async (string? level, string? definitionId, string? stepId, string? limit, string? cursor,
            IDbContextFactory<WorkflowDbContext> dbFactory, DefinitionStore definitions, CalendarService calendars, Responsibles responsibles, TimeProvider clock,
            CancellationToken ct) =>
        {
            DeadlineLevel? wanted = level switch
            {
                null or "" => null,
                "red" => DeadlineLevel.Red,
                "yellow" => DeadlineLevel.Yellow,
                "normal" => DeadlineLevel.Normal,
                _ => (DeadlineLevel)(-1),
            };
            if ((int?)wanted == -1) return Problems.BadRequest("level 应为 red（红牌）、yellow（黄牌）或 normal（正常）。");
            var (size, limitError) = Paging.Limit(limit);
            if (limitError is not null) return limitError;
            var (key, cursorError) = Paging.Cursor(cursor, 3);
            if (cursorError is not null) return cursorError;
            if (key is not null && !Paging.Valid(key, k => (Paging.Instant(k[0])!.Value, k[1]!, k[2]!))) return Paging.BadCursor();
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(ct);

            // A yellow limit falls due within the longest warning lead of now: that bound keeps the yellow scan to a short
            // range of the due index (the leads are read from an index on due_at - warn_at).
            var caseLead = wanted == DeadlineLevel.Yellow ? await WarnLeadAsync(db, "deadlines", ct) : 0;
            var stepLead = wanted == DeadlineLevel.Yellow ? await WarnLeadAsync(db, "tasks", ct) : 0;
            var rows = new List<Row>();
            if (string.IsNullOrEmpty(stepId))
            {
                var caseLimits = db.Deadlines.AsNoTracking();
                if (!string.IsNullOrEmpty(definitionId)) caseLimits = caseLimits.Where(d => d.DefinitionId == definitionId);
                caseLimits = wanted switch
                {
                    DeadlineLevel.Red => caseLimits.Where(d => d.DueAt <= now),
                    DeadlineLevel.Yellow => caseLimits.Where(d => d.DueAt > now && d.DueAt <= now.AddTicks(caseLead) && d.WarnAt != null && d.WarnAt <= now),
                    DeadlineLevel.Normal => caseLimits.Where(d => d.DueAt > now && (d.WarnAt == null || d.WarnAt > now)),
                    _ => caseLimits,
                };
                if (key is not null)
                {
                    var (due, caseId, k) = (Paging.Instant(key[0])!.Value, key[1]!, key[2]!);
                    caseLimits = caseLimits.Where(d => d.DueAt >= due && (d.DueAt > due || string.Compare(d.CaseId, caseId) > 0
                        || (d.CaseId == caseId && string.Compare(d.Limit, k) > 0)));
                }
                rows.AddRange((await caseLimits.OrderBy(d => d.DueAt).ThenBy(d => d.CaseId).ThenBy(d => d.Limit).Take(size + 1).ToListAsync(ct))
                    .Select(d => new Row(d.CaseId, d.Limit, d.Limit, null, null, null, d.Duration, d.DueAt, d.WarnAt, d.Provisional, d.Paused)));
            }
            var stepLimits = db.Tasks.AsNoTracking().Where(t => t.DueAt != null);
            if (!string.IsNullOrEmpty(definitionId)) stepLimits = stepLimits.Where(t => t.DefinitionId == definitionId);
            if (!string.IsNullOrEmpty(stepId)) stepLimits = stepLimits.Where(t => t.StepId == stepId);
            stepLimits = wanted switch
            {
                DeadlineLevel.Red => stepLimits.Where(t => t.DueAt <= now),
                DeadlineLevel.Yellow => stepLimits.Where(t => t.DueAt > now && t.DueAt <= now.AddTicks(stepLead) && t.WarnAt != null && t.WarnAt <= now),
                DeadlineLevel.Normal => stepLimits.Where(t => t.DueAt > now && (t.WarnAt == null || t.WarnAt > now)),
                _ => stepLimits,
            };
            if (key is not null)
            {
                var (due, caseId, k) = (Paging.Instant(key[0])!.Value, key[1]!, key[2]!);
                stepLimits = stepLimits.Where(t => t.DueAt >= due && (t.DueAt > due || string.Compare(t.CaseId, caseId) > 0
                    || (t.CaseId == caseId && string.Compare(t.TaskId, k) > 0)));
            }
            rows.AddRange((await stepLimits.OrderBy(t => t.DueAt).ThenBy(t => t.CaseId).ThenBy(t => t.TaskId).Take(size + 1).ToListAsync(ct))
                .Select(t => new Row(t.CaseId, t.TaskId, "step", t.TaskId, t.StepId, t.StepName, "", t.DueAt!.Value, t.WarnAt, t.Provisional, false)));

            var page = rows.OrderBy(r => r.DueAt.UtcTicks).ThenBy(r => r.CaseId, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Take(size + 1).ToList();
            var next = page.Count > size ? Paging.Encode(Paging.Ticks(page[size - 1].DueAt), page[size - 1].CaseId, page[size - 1].Key) : null;
            if (page.Count > size) page.RemoveAt(size);

            var caseIds = page.Select(r => r.CaseId).Distinct().ToList();
            var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                .Select(c => new { c.Id, c.CaseNo, c.Title, c.DefinitionId, c.DefinitionVersion, c.Status }).ToDictionaryAsync(c => c.Id, ct);
            var paused = (await db.Deadlines.AsNoTracking().Where(d => caseIds.Contains(d.CaseId) && d.Paused).Select(d => d.CaseId).ToListAsync(ct)).ToHashSet();
            var responsible = await responsibles.ForCasesAsync(db, caseIds, ct);
            var result = new List<OpenDeadlineDto>(page.Count);
            foreach (var d in page)
            {
                if (!cases.TryGetValue(d.CaseId, out var c)) continue;
                var definition = await definitions.GetAsync(c.DefinitionId, c.DefinitionVersion, ct);
                var stepLimit = d.StepId is { } step ? definition?.FindStep(step)?.TimeLimit : null;
                var duration = d.StepId is not null ? stepLimit?.Period?.ToString() ?? "" : d.Duration;
                var dated = (DatedLimit?)stepLimit
                    ?? (d.StepId is null && JsonNames.All<LimitKind>().TryGetValue(d.Limit, out var kind) ? definition?.Limits?.Get(kind) : null);
                var durationText = dated is { Period: null } fixedDate ? fixedDate.Describe(definition!.FieldLabel)
                    : Period.TryParse(duration, out var p) ? p.ToChinese() : duration;
                result.Add(new OpenDeadlineDto(c.Id, c.CaseNo, c.Title, c.DefinitionId, definition?.Name ?? c.DefinitionId, definition?.Category,
                    d.Limit, d.TaskId, d.StepName, duration, durationText,
                    DeadlineStanding.WorkingDaysLeft(calendars.Current, DeadlineStanding.LastDayOf(d.DueAt), now), d.DueAt, d.WarnAt, d.Provisional,
                    d.Paused || (d.TaskId is null && paused.Contains(d.CaseId)), DeadlineStanding.Level(d.DueAt, d.WarnAt, now),
                    responsible(d.CaseId, d.TaskId, d.StepId)));
            }
            return Results.Ok(new OpenDeadlinePage(result, next));
        }).WithTags("Supervision").RequireAuthorization(Policies.Supervisor).Produces<OpenDeadlinePage>();

        // On-time rates per flow and month (China time), from the counts kept as cases close (on_time_months).
        app.MapGet("/api/stats/on-time", async (IDbContextFactory<WorkflowDbContext> dbFactory, DefinitionStore definitions, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var months = await db.OnTimeMonths.AsNoTracking().ToListAsync(ct);
            var result = new List<OnTimeDto>();
            foreach (var flowMonth in months.GroupBy(m => (m.Month, m.DefinitionId)))
            {
                var definition = await definitions.GetAsync(flowMonth.Key.DefinitionId, flowMonth.Max(m => m.DefinitionVersion), ct);
                var closed = flowMonth.Sum(m => m.Closed);
                result.Add(new OnTimeDto(flowMonth.Key.DefinitionId, definition?.Name ?? flowMonth.Key.DefinitionId, definition?.Category,
                    flowMonth.Key.Month, (int)closed, (int)(closed - flowMonth.Sum(m => m.Late))));
            }
            return Results.Ok(result.OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.DefinitionId, StringComparer.Ordinal).ToList());
        }).WithTags("Supervision").RequireAuthorization(Policies.Supervisor).Produces<IReadOnlyList<OnTimeDto>>();
    }

    /// <summary>The longest time between a warning and its due instant in <paramref name="table"/> (ticks; 0 when none).</summary>
    private static async Task<long> WarnLeadAsync(WorkflowDbContext db, string table, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<long?>(table == "tasks"
            ? "SELECT MAX(due_at - warn_at) AS \"Value\" FROM tasks"
            : "SELECT MAX(due_at - warn_at) AS \"Value\" FROM deadlines").SingleAsync(ct) ?? 0;

    private sealed record Row(string CaseId, string Key, string Limit, string? TaskId, string? StepId, string? StepName, string Duration,
        DateTimeOffset DueAt, DateTimeOffset? WarnAt, bool Provisional, bool Paused);
}
