using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Api;

public static class RiskEventEndpoints
{
    public static void MapRiskEvents(this IEndpointRouteBuilder app)
    {
        // The risk ledger (风险台帐), newest first: what a flagging check recorded and what a blocking check refused. Paged by
        // keyset on (at, id) descending, or with format=csv / format=xlsx every matching row (CSV streamed as it is read).
        app.MapGet("/api/risk-events", async (int? level, string? definitionId, string? stepId, string? actorId, string? departmentId, string? outcome,
            string? from, string? to, string? format, string? limit, string? cursor, IDbContextFactory<WorkflowDbContext> dbFactory, RiskCheckRegistry checks,
            HttpContext http, CancellationToken ct) =>
        {
            DateTimeOffset? start = null, end = null;
            if (!string.IsNullOrEmpty(from))
            {
                if (!Periods.TryParseStart(from, out var f)) return Problems.BadRequest("from 应为 1901 至 2100 年间的日期 yyyy-MM-dd。");
                start = new DateTimeOffset(f.Date, f.Offset);
            }
            if (!string.IsNullOrEmpty(to))
            {
                if (!Periods.TryParseStart(to, out var t)) return Problems.BadRequest("to 应为 1901 至 2100 年间的日期 yyyy-MM-dd。");
                end = new DateTimeOffset(t.Date, t.Offset).AddDays(1);
            }
            if (format is not (null or "" or "csv" or "xlsx")) return Problems.BadRequest("format 应为 csv 或 xlsx。");
            if (outcome is not (null or "" or Store.Persistence.Records.RiskOutcomes.Recorded or Store.Persistence.Records.RiskOutcomes.Blocked))
                return Problems.BadRequest("outcome 应为 recorded（已记录）或 blocked（已拦截）。");
            var export = format is "csv" or "xlsx";
            var (size, limitError) = Paging.Limit(limit);
            if (limitError is not null && !export) return limitError;
            var (key, cursorError) = Paging.Cursor(cursor, 2);
            if (cursorError is not null) return cursorError;
            if (key is not null && !Paging.Valid(key, k => (Paging.Instant(k[0])!.Value, Paging.Long(k[1])))) return Paging.BadCursor();

            var db = await dbFactory.CreateDbContextAsync(ct);
            http.Response.RegisterForDisposeAsync(db);
            var query = db.RiskEvents.AsNoTracking();
            if (!string.IsNullOrEmpty(departmentId))
            {
                if (!await db.Departments.AnyAsync(d => d.Id == departmentId, ct)) return Problems.BadRequest($"科室“{departmentId}”不存在。");
                var members = db.Users.Where(u => u.DepartmentId == departmentId).Select(u => u.Id);
                query = query.Where(r => members.Contains(r.ActorId));
            }
            if (level is { } l) query = query.Where(r => r.Level == l);
            if (!string.IsNullOrEmpty(definitionId)) query = query.Where(r => r.DefinitionId == definitionId);
            if (!string.IsNullOrEmpty(stepId)) query = query.Where(r => r.StepId == stepId);
            if (!string.IsNullOrEmpty(actorId)) query = query.Where(r => r.ActorId == actorId);
            if (!string.IsNullOrEmpty(outcome)) query = query.Where(r => r.Outcome == outcome);
            if (start is { } s) query = query.Where(r => r.At >= s);
            if (end is { } e) query = query.Where(r => r.At < e);
            if (key is not null)
            {
                var (at, id) = (Paging.Instant(key[0])!.Value, Paging.Long(key[1]));
                query = query.Where(r => r.At <= at && (r.At < at || r.Id < id));
            }
            var sources = query.OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
                .Select(r => new RiskLedgerSource(r, db.Cases.Where(c => c.Id == r.CaseId).Select(c => c.CaseNo).FirstOrDefault()));
            var ledger = await RiskLedger.LoadAsync(db, checks, ct);
            if (format == "csv") return new RiskLedgerCsv(Entries(sources.AsAsyncEnumerable(), ledger, ct));
            if (format == "xlsx") return new RiskLedgerXlsx(Entries(sources.AsAsyncEnumerable(), ledger, ct));
            var events = await sources.Take(size + 1).ToListAsync(ct);
            var next = events.Count > size
                ? Paging.Encode(Paging.Ticks(events[size - 1].Event.At), events[size - 1].Event.Id.ToString(CultureInfo.InvariantCulture)) : null;
            if (events.Count > size) events.RemoveAt(size);
            return Results.Ok(new RiskEventPage(events.Select(ledger.Entry).ToList(), next));
        }).WithTags("Risk ledger").RequireAuthorization(Policies.Supervisor).Produces<RiskEventPage>();
    }

    private static async IAsyncEnumerable<RiskEventDto> Entries(IAsyncEnumerable<RiskLedgerSource> sources, RiskLedger ledger,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var source in sources.WithCancellation(ct)) yield return ledger.Entry(source);
    }
}
