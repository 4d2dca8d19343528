using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Server.Database;

namespace WorkflowEngine.Server.Operations;

/// <summary>Ready: the database answers and is at the newest schema version.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<WorkflowDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var latest = SqliteSetup.Scripts.Max(s => s.Version);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        var version = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        var data = new Dictionary<string, object> { ["schemaVersion"] = version, ["expectedVersion"] = latest };
        return version == latest
            ? HealthCheckResult.Healthy($"数据库可用，架构版本 {version}。", data)
            : HealthCheckResult.Unhealthy($"数据库架构版本为 {version}，应为 {latest}：迁移尚未完成。", data: data);
    }
}

/// <summary>Ready: the Quartz scheduler that fires deadlines has started and is not paused or shut down.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        return await scheduler.GetStatus(ct) switch
        {
            SchedulerStatus.Running => HealthCheckResult.Healthy("定时调度运行中。"),
            SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown => HealthCheckResult.Unhealthy("定时调度已停止。"),
            var status => HealthCheckResult.Unhealthy($"定时调度尚未运行（{status}）。"),
        };
    }
}

/// <summary>/health/live (the process answers), /health/ready (database, schema, scheduler), both without sign-in.</summary>
public static class Health
{
    public const string Ready = "ready";

    public static void AddWorkflowHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [Ready]);

    public static void MapWorkflowHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .AllowAnonymous().WithTags("Health");
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
            }),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
