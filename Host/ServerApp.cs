using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using WorkflowEngine.Engine.Expressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Store.Services;
using WorkflowEngine.Store.Timers;
using WorkflowEngine.Server.Alerts;
using WorkflowEngine.Server.Api;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Server.Clock;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Server.Database;
using WorkflowEngine.Server.Notifications;
using WorkflowEngine.Store.Notifications;
using WorkflowEngine.Server.Operations;
using WorkflowEngine.Server.Security;
using WorkflowEngine.Server.Startup;
using WorkflowEngine.Server.Web;

namespace WorkflowEngine.Server;

/// <summary>The web service: its services, its scheduler and its routes.</summary>
public static class ServerApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(HostLayout.Options(CommandLine.Translate(args)));
        var options = builder.Configuration.Get<WorkflowOptions>() ?? new WorkflowOptions();
        HostLayout.ResolveDatabasePath(options.Database, builder.Environment.ContentRootPath);
        options.Audit.ChainKeyFile = WorkflowEngine.Server.Audit.ChainKeyFile.PathFor(options, builder.Environment.ContentRootPath);
        AddServices(builder, options);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseRequestSizeLimit(options.Limits.MaxRequestBytes, options.Limits.MaxUploadRequestBytes);
        app.UseJsonBodiesOnly();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A body that is not JSON, or not the expected shape, is the caller's mistake (400), not ours.
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseEventStreamProxyHeaders();
        app.UseClientAppFiles();
        app.UseAuthentication();
        app.UseCrossSiteGuard();
        app.UsePasswordChangeGate();
        app.UseAuthorization();

        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().WithTags("Health");
        app.MapWorkflowHealthChecks();
        app.MapWorkflowMetrics();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapAuth(app.Services.GetRequiredService<RoleNames>());
        app.MapDefinitions();
        app.MapMigrations();
        app.MapSimulation();
        app.MapExpressions();
        app.MapDirectory();
        app.MapCases();
        app.MapDocuments();
        app.MapAgencySettings();
        app.MapAgency();
        app.MapTasks();
        app.MapHandover();
        app.MapUrges();
        app.MapDelegations();
        app.MapCarbonCopies();
        app.MapMe();
        app.MapAccess();
        app.MapAlerts();
        app.MapRiskEvents();
        app.MapAudit();
        app.MapCalendar();
        app.MapSupervision();
        app.MapReports();
        app.MapReferenceData();
        app.MapAdmin();
        app.MapClock(options.Clock.IsSimulated);
        app.MapClientAppFallback();
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder, WorkflowOptions options)
    {
        var services = builder.Services;
        var clock = CreateClock(options.Clock);
        AddWorkflowCore(services, options, clock);
        if (clock is SimulatedTimeProvider simulated)
        {
            services.AddSingleton(simulated);
            services.AddSingleton<ClockPositionStore>();
            services.AddSingleton<ClockAdvancer>();
            services.AddExceptionHandler<ClockRangeProblemHandler>();
        }
        // Sessions expire in real time even when case time is simulated: moving the demo clock must not sign everyone out.
        services.AddSingleton(sp => new SessionStore(sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(), TimeProvider.System,
            TimeSpan.FromHours(options.Auth.SessionHours), TimeSpan.FromMinutes(options.Auth.IdleMinutes)));
        services.AddSingleton<SecurityLog>();
        services.AddSingleton<WorkflowEngine.Server.Organisation.OrgAdmin>();
        services.AddSingleton<WorkflowEngine.Server.Organisation.Staffing>();
        services.AddClientAppCompression();
        var shared = DatabaseSetup.IsPostgres(options.Database);
        services.AddSingleton(new AlertBroadcaster(relayedByDatabase: shared));
        services.AddSingleton<ICaseObserver>(sp => sp.GetRequiredService<AlertBroadcaster>());
        services.AddSingleton(sp => new WakeUpScheduler(sp.GetRequiredService<ISchedulerFactory>(),
            sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(), clock, sp.GetRequiredService<ILogger<WakeUpScheduler>>(),
            TimeSpan.FromSeconds(options.Timers.SweepSeconds), shared));
        services.AddSingleton<ICaseObserver>(sp => sp.GetRequiredService<WakeUpScheduler>());
        services.AddSingleton(new WorkStream(relayedByDatabase: shared));
        services.AddSingleton<ICaseObserver>(sp => sp.GetRequiredService<WorkStream>());
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<INotificationSender>(_ => new SmtpSender(options.Notifications));
        services.AddHttpClient<WebhookSender>();
        services.AddSingleton<INotificationSender>(sp => new WebhookSender(options.Notifications,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(WebhookSender))));
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<ICaseObserver>(sp => sp.GetRequiredService<NotificationDispatcher>());
        services.AddSingleton<CaseViews>();
        services.AddSingleton<WorkflowEngine.Server.Audit.CaseAudit>();
        services.AddSingleton<Responsibles>();
        services.AddWorkflowHealthChecks();
        services.AddWorkflowMetrics();
        services.AddTransient<DueTimersJob>();

        // Order matters: the database is migrated and seeded before the scheduler starts.
        services.AddHostedService(sp => sp.GetRequiredService<StartupInitializer>());
        if (clock is SimulatedTimeProvider) services.AddHostedService<ClockPositionRestorer>();
        // On PostgreSQL, alerts raised on any node reach this node's supervisors.
        if (shared)
            services.AddHostedService(sp => new PostgresWorkListener(PostgresSetup.ConnectionString(options.Database), sp.GetRequiredService<WorkStream>(),
                sp.GetRequiredService<ILogger<PostgresWorkListener>>()));
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        if (shared)
            services.AddHostedService(sp => new PostgresAlertListener(PostgresSetup.ConnectionString(options.Database), sp.GetRequiredService<AlertBroadcaster>(),
                sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(), sp.GetRequiredService<ILogger<PostgresAlertListener>>()));
        services.AddQuartz(q =>
        {
            q.UseTimeProvider(clock);
            q.UsePersistentStore(store => DatabaseSetup.ConfigureScheduler(store, options));
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<WakeUpStarter>();
        services.AddSingleton(options);
        services.AddSingleton<WorkflowEngine.Server.Supervision.EscalationSweep>();
        services.AddHostedService<WorkflowEngine.Server.Supervision.EscalationService>();

        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        Policies.Add(authorization);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new ChinaTimeJsonConverter());
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            o.SerializerOptions.Converters.Add(new ValueJsonConverter());
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblems>();
        services.AddOpenApi(o => o.AddSchemaTransformer<OpenApiConvertedSchemas>());
    }

    /// <summary>The store and the services that run cases, without the web, the scheduler or sign-in (also used by the benchmarks).</summary>
    public static void AddWorkflowCore(IServiceCollection services, WorkflowOptions options, TimeProvider clock)
    {
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton(clock);
        services.AddPooledDbContextFactory<WorkflowDbContext>(o => DatabaseSetup.Configure(o, options.Database));
        var roleCatalog = new PostCatalog(RoleCatalog.Load(Path.Combine(RepositoryPaths.Definitions(options), "roles.json")));
        services.AddSingleton(roleCatalog);
        var checks = RiskCheckRegistry.CreateDefault();
        services.AddSingleton(new RoleNames(roleCatalog));
        services.AddSingleton(checks);
        services.AddSingleton(sp => new DefinitionLoadOptions(checks, roleCatalog, sp.GetRequiredService<UserDirectory>()));
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton(new CaseStateCache());
        var dialect = DatabaseSetup.Dialect(options.Database);
        var keyFile = WorkflowEngine.Server.Audit.ChainKeyFile.PathFor(options, Directory.GetCurrentDirectory());
        services.AddSingleton(sp => WorkflowEngine.Server.Audit.ChainKeyFile.LoadOrCreate(keyFile,
            path => sp.GetRequiredService<ILogger<WorkflowEngine.Server.Audit.ChainKeyRingLog>>().LogWarning(
                "Created the chain key file {Path} with a new random key: keep it secret and back it up apart from the database", path),
            (path, mode) => sp.GetRequiredService<ILogger<WorkflowEngine.Server.Audit.ChainKeyRingLog>>().LogWarning(
                "The chain key file {Path} is open to other users of the machine ({Mode}): anyone who reads it can re-sign a tampered case; make it readable by the service's account only (chmod 600)",
                path, mode)));
        services.AddSingleton(sp => new WriteConnection(sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(), sp.GetRequiredService<ChainKeyRing>(), dialect));
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<IRosterSource>(sp => sp.GetRequiredService<UserDirectory>());
        services.AddSingleton(sp => new CalendarService(sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(),
            sp.GetRequiredService<WriteConnection>(), sp.GetRequiredService<DefinitionStore>(), clock, ClosingTime(options.Calendar)));
        services.AddSingleton<ICalendarSource>(sp => sp.GetRequiredService<CalendarService>());
        services.AddSingleton<RuntimeProvider>();
        if (options.Notifications.Webhook.Enabled && string.IsNullOrWhiteSpace(options.Notifications.Webhook.Secret))
            throw new ArgumentException("Notifications:Webhook:Url 已配置，但缺少用于签名的 Notifications:Webhook:Secret。");
        if (options.Notifications.Smtp.Enabled) SmtpSender.Security(options.Notifications.Smtp.Security);
        services.AddSingleton(options.Notifications);
        services.AddSingleton<INotificationDirectory, NotificationDirectory>();
        services.AddSingleton<NotificationPlanner>();
        services.AddSingleton<WorkflowEngine.Store.Documents.DocumentIssuer>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<CaseMigrationService>();
        services.AddSingleton<CaseFiles>();
        services.AddSingleton<StartupInitializer>();
    }

    private static TimeProvider CreateClock(ClockOptions options)
    {
        if (!options.IsSimulated)
        {
            if (!string.Equals(options.Mode, "system", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"--clock 应为 system 或 simulated，实际为“{options.Mode}”。");
            return TimeProvider.System;
        }
        if (string.IsNullOrWhiteSpace(options.Start)) return new SimulatedTimeProvider(TimeProvider.System.GetUtcNow());
        if (!Periods.TryParseStart(options.Start, out var start))
            throw new ArgumentException($"--clock-start 应为时刻，如 2026-03-02T09:00+08:00，实际为“{options.Start}”。");
        return new SimulatedTimeProvider(start);
    }

    private static TimeOnly? ClosingTime(CalendarOptions options) =>
        string.IsNullOrWhiteSpace(options.ClosingTime) ? null
        : TimeOnly.TryParseExact(options.ClosingTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t
        : throw new ArgumentException($"Calendar:ClosingTime 应为 HH:mm，如 17:30，实际为“{options.ClosingTime}”。");
}
