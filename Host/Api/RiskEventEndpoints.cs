using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Api;

public static class RiskEventEndpoints
{
    public static void MapRiskEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/risk-events", async (int? level, string? definitionId, string? stepId, string? actorId, string? from, string? to,
            string? format, IDbContextFactory<WorkflowDbContext> dbFactory, CancellationToken ct) =>
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
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var query = db.RiskEvents.AsNoTracking();
            if (level is { } l) query = query.Where(r => r.Level == l);
            if (!string.IsNullOrEmpty(definitionId)) query = query.Where(r => r.DefinitionId == definitionId);
            if (!string.IsNullOrEmpty(stepId)) query = query.Where(r => r.StepId == stepId);
            if (!string.IsNullOrEmpty(actorId)) query = query.Where(r => r.ActorId == actorId);
            if (start is { } s) query = query.Where(r => r.At >= s);
            if (end is { } e) query = query.Where(r => r.At < e);
            var events = await query.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(5000).ToListAsync(ct);
            return format == "csv"
                ? Results.File(RiskLedgerCsv.Write(events), "text/csv; charset=utf-8", "风险台帐.csv")
                : Results.Ok(events.Select(RiskEventDto.From));
        }).WithTags("Risk ledger").RequireAuthorization(Policies.Supervisor).Produces<IReadOnlyList<RiskEventDto>>();
    }
}
