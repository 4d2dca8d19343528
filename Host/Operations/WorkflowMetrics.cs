using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Operations;

/// <summary>
/// The engine's own instruments (meter "WorkflowEngine"), exported with ASP.NET Core's request metrics in
/// Prometheus text format at /metrics:
/// <list type="bullet">
/// <item><c>workflow_actions_applied_total</c>: committed case commands (starts, actions, votes, timers that fired);</item>
/// <item><c>workflow_deadlines_open</c>: open time limits in the database, by kind (case, step);</item>
/// <item><c>workflow_alert_lag_seconds</c>: from the instant an alert was due to be raised to when it was stored.</item>
/// </list>
/// </summary>
public sealed class WorkflowMetrics : ICaseObserver, IDisposable
{
    public const string MeterName = "WorkflowEngine";

    private readonly Meter _meter;
    private readonly Counter<long> _actions;
    private readonly Histogram<double> _alertLag;
    private readonly TimeProvider _clock;
    private readonly IDbContextFactory<WorkflowDbContext> _dbFactory;
    private readonly ILogger<WorkflowMetrics> _logger;

    public WorkflowMetrics(IMeterFactory meters, TimeProvider clock, IDbContextFactory<WorkflowDbContext> dbFactory, ILogger<WorkflowMetrics> logger)
    {
        _clock = clock;
        _dbFactory = dbFactory;
        _logger = logger;
        _meter = meters.Create(MeterName);
        _actions = _meter.CreateCounter<long>("workflow.actions.applied", unit: null,
            description: "Case commands committed: starts, actions, votes and timers that fired.");
        _alertLag = _meter.CreateHistogram<double>("workflow.alert.lag", unit: "s",
            description: "From the instant a yellow or red card was due to be raised to the moment it was stored.");
        _meter.CreateObservableGauge("workflow.deadlines.open", OpenDeadlines, unit: null,
            description: "Open time limits: case limits and step limits.");
    }

    public void Committed(IReadOnlyList<AlertRecord> newAlerts, DateTimeOffset? earliestTimer)
    {
        _actions.Add(1);
        var now = _clock.GetUtcNow();
        foreach (var alert in newAlerts)
            _alertLag.Record(Math.Max(0, (now - alert.RaisedAt).TotalSeconds), new KeyValuePair<string, object?>("level", alert.Level));
    }

    private IEnumerable<Measurement<long>> OpenDeadlines()
    {
        long cases, steps;
        try
        {
            using var db = _dbFactory.CreateDbContext();
            db.Database.OpenConnection();
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT (SELECT COUNT(*) FROM deadlines), (SELECT COUNT(*) FROM tasks WHERE due_at IS NOT NULL)";
            using var reader = command.ExecuteReader();
            reader.Read();
            (cases, steps) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            _logger.LogWarning(e, "Could not count the open deadlines for /metrics");
            return [];
        }
        return [new Measurement<long>(cases, new KeyValuePair<string, object?>("kind", "case")), new Measurement<long>(steps, new KeyValuePair<string, object?>("kind", "step"))];
    }

    public void Dispose() => _meter.Dispose();
}

/// <summary>OpenTelemetry metrics (ASP.NET Core requests and the engine's instruments) and the anonymous /metrics scrape endpoint.</summary>
public static class Metrics
{
    public static void AddWorkflowMetrics(this IServiceCollection services)
    {
        services.AddSingleton<WorkflowMetrics>();
        services.AddSingleton<ICaseObserver>(sp => sp.GetRequiredService<WorkflowMetrics>());
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(WorkflowMetrics.MeterName)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
    }

    /// <summary>
    /// GET /metrics, without sign-in, like /health: the service listens on loopback behind nginx, whose site
    /// answers /metrics for the server itself only (README, Deploy).
    /// </summary>
    public static void MapWorkflowMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
}
