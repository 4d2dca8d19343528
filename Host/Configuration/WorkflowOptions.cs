namespace WorkflowEngine.Server.Configuration;

/// <summary>The service's settings (appsettings.json, environment, command line).</summary>
public sealed class WorkflowOptions
{
    public DatabaseOptions Database { get; set; } = new();
    public PathOptions Paths { get; set; } = new();
    public ClockOptions Clock { get; set; } = new();
    public TimerOptions Timers { get; set; } = new();
    public CalendarOptions Calendar { get; set; } = new();
    public AuthOptions Auth { get; set; } = new();
    public LimitOptions Limits { get; set; } = new();
    public AuditOptions Audit { get; set; } = new();
    public SupervisionOptions Supervision { get; set; } = new();
    public WorkflowEngine.Store.Notifications.NotificationOptions Notifications { get; set; } = new();
}

public sealed class AuditOptions
{
    /// <summary>The chain key file (outside the database); empty means beside the SQLite file, or chain.keys in the content root on PostgreSQL.</summary>
    public string ChainKeyFile { get; set; } = "";
}

public sealed class SupervisionOptions
{
    /// <summary>Escalation rules (升级督办); none: no escalation.</summary>
    public List<EscalationRule> Escalation { get; set; } = [];
}

/// <summary>A case red for <see cref="RedForWorkingDays"/> working days is escalated to <see cref="Notify"/>, who answers within <see cref="ReplyWorkingDays"/>.</summary>
public sealed class EscalationRule
{
    public const string DeputyOfDepartment = "deputy-of-department";

    public int RedForWorkingDays { get; set; }
    /// <summary>Whom: "deputy-of-department", the 分管领导 of the department of the one who started the case.</summary>
    public string Notify { get; set; } = DeputyOfDepartment;
    public int ReplyWorkingDays { get; set; } = 2;
}

public sealed class LimitOptions
{
    /// <summary>The largest request body accepted; a larger one is refused with 413.</summary>
    public long MaxRequestBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// The largest body of an upload (material files, templates, the seal); the agency's own, smaller limit for material
    /// files is set in its settings and checked by the route.
    /// </summary>
    public long MaxUploadRequestBytes { get; set; } = 210L * 1024 * 1024;
}

public sealed class DatabaseOptions
{
    /// <summary>"Sqlite" (the default: one file, one node) or "Postgres" (a server; several nodes may share it).</summary>
    public string Provider { get; set; } = "Sqlite";
    /// <summary>The PostgreSQL connection string (Npgsql's syntax), used when <see cref="Provider"/> is Postgres.</summary>
    public string ConnectionString { get; set; } = "";
    /// <summary>The SQLite file; a relative path is taken from the content root (Host/ in the source tree, the program's folder when published).</summary>
    public string Path { get; set; } = "workflow.db";
    /// <summary>SQLite's synchronous setting (FULL: every commit is on disk before the API answers).</summary>
    public string Synchronous { get; set; } = "FULL";
}

public sealed class PathOptions
{
    /// <summary>The Definitions folder; empty means the one found above the program.</summary>
    public string Definitions { get; set; } = "";
    /// <summary>The users created on first start; empty means samples/users.json found above the program.</summary>
    public string Users { get; set; } = "";
}

public sealed class ClockOptions
{
    /// <summary>"system", or "simulated" for demos and tests (adds POST /api/clock/advance).</summary>
    public string Mode { get; set; } = "system";
    /// <summary>Where a simulated clock starts, e.g. 2026-03-02T09:00+08:00; empty means now.</summary>
    public string Start { get; set; } = "";

    public bool IsSimulated => string.Equals(Mode, "simulated", StringComparison.OrdinalIgnoreCase);
}

public sealed class TimerOptions
{
    /// <summary>How often the recurring sweep looks for timers that were missed.</summary>
    public int SweepSeconds { get; set; } = 60;
    /// <summary>On PostgreSQL (clustered timers): how often a node records that it is alive; a node silent for twice this is taken as dead.</summary>
    public double ClusterCheckinSeconds { get; set; } = 5;
}

public sealed class CalendarOptions
{
    /// <summary>The office's closing time (e.g. 17:30); empty means periods end at 24:00.</summary>
    public string ClosingTime { get; set; } = "";
}

public sealed class AuthOptions
{
    public int SessionHours { get; set; } = 12;
    /// <summary>A session not used for this long ends (等保: idle timeout); fractions allowed.</summary>
    public double IdleMinutes { get; set; } = 30;
    /// <summary>Whether the users created on an empty database must change their password at first sign-in.</summary>
    public bool SeedMustChangePassword { get; set; } = true;
}
