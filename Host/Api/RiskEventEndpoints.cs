using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Api;

public static class RiskEventEndpoints
{
    public static void MapRiskEvents(this IEndpointRouteBuilder app)
    {
        // The risk ledger (风险台帐), newest first: paged by keyset on (at, id) descending, or with format=csv every matching
        // row, streamed as it is read.
        app.MapGet("/api/risk-events", async (int? level, string? definitionId, string? stepId, string? actorId, string? from, string? to,
            string? format, string? limit, string? cursor, IDbContextFactory<WorkflowDbContext> dbFactory, HttpContext http, CancellationToken ct) =>
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
            var csv = format == "csv";
            var (size, limitError) = Paging.Limit(limit);
            if (limitError is not null && !csv) return limitError;
            var (key, cursorError) = Paging.Cursor(cursor, 2);
            if (cursorError is not null) return cursorError;
            if (key is not null && !Paging.Valid(key, k => (Paging.Instant(k[0])!.Value, Paging.Long(k[1])))) return Paging.BadCursor();

            var db = await dbFactory.CreateDbContextAsync(ct);
            http.Response.RegisterForDisposeAsync(db);
            var query = db.RiskEvents.AsNoTracking();
            if (level is { } l) query = query.Where(r => r.Level == l);
            if (!string.IsNullOrEmpty(definitionId)) query = query.Where(r => r.DefinitionId == definitionId);
            if (!string.IsNullOrEmpty(stepId)) query = query.Where(r => r.StepId == stepId);
            if (!string.IsNullOrEmpty(actorId)) query = query.Where(r => r.ActorId == actorId);
            if (start is { } s) query = query.Where(r => r.At >= s);
            if (end is { } e) query = query.Where(r => r.At < e);
            if (key is not null)
            {
                var (at, id) = (Paging.Instant(key[0])!.Value, Paging.Long(key[1]));
                query = query.Where(r => r.At <= at && (r.At < at || r.Id < id));
            }
            query = query.OrderByDescending(r => r.At).ThenByDescending(r => r.Id);
            if (csv) return new RiskLedgerCsv(query.AsAsyncEnumerable());
            var events = await query.Take(size + 1).ToListAsync(ct);
            var next = events.Count > size ? Paging.Encode(Paging.Ticks(events[size - 1].At), events[size - 1].Id.ToString(CultureInfo.InvariantCulture)) : null;
            if (events.Count > size) events.RemoveAt(size);
            return Results.Ok(new RiskEventPage(events.Select(RiskEventDto.From).ToList(), next));
        }).WithTags("Risk ledger").RequireAuthorization(Policies.Supervisor).Produces<RiskEventPage>();
    }
}
