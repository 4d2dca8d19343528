using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// The store. Provider-neutral: the host chooses SQLite or another relational provider; the schema is made
/// by versioned scripts (<see cref="SchemaMigrator"/>), and tables and columns are named in snake_case.
/// </summary>
public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();
    public DbSet<TaskRecord> Tasks => Set<TaskRecord>();
    public DbSet<TaskAssigneeRecord> TaskAssignees => Set<TaskAssigneeRecord>();
    public DbSet<CarbonCopyRecord> CarbonCopies => Set<CarbonCopyRecord>();
    public DbSet<OnTimeMonthRecord> OnTimeMonths => Set<OnTimeMonthRecord>();
    public DbSet<HistoryRow> History => Set<HistoryRow>();
    public DbSet<DeadlineRecord> Deadlines => Set<DeadlineRecord>();
    public DbSet<AlertRecord> Alerts => Set<AlertRecord>();
    public DbSet<RiskEventRecord> RiskEvents => Set<RiskEventRecord>();
    public DbSet<UserRecord> Users => Set<UserRecord>();
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();
    public DbSet<CalendarRecord> Calendars => Set<CalendarRecord>();
    public DbSet<DepartmentRecord> Departments => Set<DepartmentRecord>();
    public DbSet<PostRecord> Posts => Set<PostRecord>();
    public DbSet<PasswordHistoryRecord> PasswordHistory => Set<PasswordHistoryRecord>();
    public DbSet<LoginFailureRecord> LoginFailures => Set<LoginFailureRecord>();
    public DbSet<SecurityLogRecord> SecurityLog => Set<SecurityLogRecord>();
    public DbSet<DelegationRecord> Delegations => Set<DelegationRecord>();
    public DbSet<UrgeRecord> Urges => Set<UrgeRecord>();
    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();

    /// <summary>The earliest timer any case waits for, if need be no later than <paramref name="upTo"/>.</summary>
    public Task<DateTimeOffset?> EarliestTimerAsync(DateTimeOffset? upTo, CancellationToken ct) =>
        Cases.AsNoTracking().Where(c => c.NextTimerAt != null && (upTo == null || c.NextTimerAt <= upTo))
            .OrderBy(c => c.NextTimerAt).Select(c => c.NextTimerAt).FirstOrDefaultAsync(ct);

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<DefinitionRecord>().ToTable("definitions").HasKey(d => new { d.Id, d.Version });
        model.Entity<CaseRecord>(e =>
        {
            e.ToTable("cases").HasKey(c => c.Id);
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        model.Entity<TaskRecord>().ToTable("tasks").HasKey(t => new { t.CaseId, t.TaskId });
        model.Entity<TaskAssigneeRecord>().ToTable("task_assignees").HasKey(a => new { a.UserId, a.CaseId, a.TaskId });
        model.Entity<CarbonCopyRecord>().ToTable("case_cc").HasKey(c => new { c.CaseId, c.Post, c.TaskId });
        model.Entity<OnTimeMonthRecord>().ToTable("on_time_months").HasKey(m => new { m.Month, m.DefinitionId, m.DefinitionVersion });
        model.Entity<HistoryRow>().ToTable("history").HasKey(h => new { h.CaseId, h.Sequence });
        model.Entity<DeadlineRecord>().ToTable("deadlines").HasKey(d => new { d.CaseId, d.Limit });
        model.Entity<AlertRecord>().ToTable("alerts").HasKey(a => a.Id);
        model.Entity<RiskEventRecord>().ToTable("risk_events").HasKey(r => r.Id);
        model.Entity<UserRecord>(e =>
        {
            e.ToTable("users").HasKey(u => u.Id);
            e.Ignore(u => u.RoleSet);
        });
        model.Entity<SessionRecord>().ToTable("sessions").HasKey(s => s.TokenHash);
        model.Entity<CalendarRecord>().ToTable("calendars").HasKey(c => c.Year);
        model.Entity<DepartmentRecord>().ToTable("departments").HasKey(d => d.Id);
        model.Entity<PostRecord>().ToTable("posts").HasKey(p => p.Id);
        model.Entity<PasswordHistoryRecord>().ToTable("password_history").HasKey(p => p.Id);
        model.Entity<LoginFailureRecord>().ToTable("login_failures").HasKey(f => f.Id);
        model.Entity<SecurityLogRecord>().ToTable("security_log").HasKey(l => l.Id);
        model.Entity<DelegationRecord>(e =>
        {
            e.ToTable("delegations").HasKey(d => d.Id);
            e.Ignore(d => d.PostSet);
        });
        model.Entity<UrgeRecord>().ToTable("urges").HasKey(u => new { u.CaseId, u.UrgeId });
        model.Entity<NotificationRecord>().ToTable("notifications").HasKey(n => n.Id);

        foreach (var entity in model.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
    }

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
