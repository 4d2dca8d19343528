using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Server.Alerts;
using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

public static class AlertEndpoints
{
    public static void MapAlerts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alerts").WithTags("Alerts").RequireAuthorization(Policies.Supervisor);

        // Newest first, every alert reachable page by page (keyset on raised_at, id descending).
        group.MapGet("", async (string? status, string? limit, string? cursor, IDbContextFactory<WorkflowDbContext> dbFactory, Responsibles responsibles,
            CancellationToken ct) =>
        {
            if (status is not (null or "" or AlertStatus.Open or AlertStatus.Acknowledged))
                return Problems.BadRequest("status 应为 open 或 acknowledged。");
            var (size, limitError) = Paging.Limit(limit);
            if (limitError is not null) return limitError;
            var (key, cursorError) = Paging.Cursor(cursor, 2);
            if (cursorError is not null) return cursorError;
            if (key is not null && !Paging.Valid(key, k => (Paging.Instant(k[0])!.Value, Paging.Long(k[1])))) return Paging.BadCursor();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var query = db.Alerts.AsNoTracking();
            if (!string.IsNullOrEmpty(status)) query = query.Where(a => a.Status == status);
            if (key is not null)
            {
                var (raised, id) = (Paging.Instant(key[0])!.Value, Paging.Long(key[1]));
                query = query.Where(a => a.RaisedAt <= raised && (a.RaisedAt < raised || a.Id < id));
            }
            var alerts = await query.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(size + 1).ToListAsync(ct);
            var next = alerts.Count > size ? Paging.Encode(Paging.Ticks(alerts[size - 1].RaisedAt), alerts[size - 1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
            if (alerts.Count > size) alerts.RemoveAt(size);
            var responsible = await responsibles.ForCasesAsync(db, alerts.Select(a => a.CaseId).Distinct().ToList(), ct);
            return Results.Ok(new AlertPage(alerts.Select(a => AlertDto.From(a, responsible(a.CaseId, a.TaskKey, a.StepId))).ToList(), next));
        }).Produces<AlertPage>();

        group.MapPost("/{id:long}/ack", async (long id, IDbContextFactory<WorkflowDbContext> dbFactory, Responsibles responsibles, ClaimsPrincipal user,
            TimeProvider clock, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, ct);
            if (alert is null) return Problems.NotFound($"预警 {id} 不存在。");
            if (alert.Status == AlertStatus.Open)
            {
                alert.Status = AlertStatus.Acknowledged;
                alert.AcknowledgedBy = user.ToActor().Name;
                alert.AcknowledgedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
            }
            var responsible = await responsibles.ForCasesAsync(db, [alert.CaseId], ct);
            return Results.Ok(AlertDto.From(alert, responsible(alert.CaseId, alert.TaskKey, alert.StepId)));
        });

        group.MapGet("/stream", (AlertBroadcaster broadcaster, IDbContextFactory<WorkflowDbContext> dbFactory, Responsibles responsibles, HttpContext http) =>
            TypedResults.ServerSentEvents(Stream(broadcaster, dbFactory, responsibles, http.RequestAborted)));
    }

    private static async IAsyncEnumerable<SseItem<AlertDto>> Stream(AlertBroadcaster broadcaster, IDbContextFactory<WorkflowDbContext> dbFactory,
        Responsibles responsibles, [EnumeratorCancellation] CancellationToken ct)
    {
        var reader = broadcaster.Subscribe(ct);
        yield return new SseItem<AlertDto>(null!, "ready");
        while (await reader.WaitToReadAsync(ct).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
            while (reader.TryRead(out var alert))
                yield return new SseItem<AlertDto>(await CardAsync(alert, dbFactory, responsibles, ct), "alert") { EventId = alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    private static async Task<AlertDto> CardAsync(AlertRecord alert, IDbContextFactory<WorkflowDbContext> dbFactory, Responsibles responsibles, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var responsible = await responsibles.ForCasesAsync(db, [alert.CaseId], ct);
        return AlertDto.From(alert, responsible(alert.CaseId, alert.TaskKey, alert.StepId));
    }
}
