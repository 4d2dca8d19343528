namespace WorkflowEngine.Store.Persistence.Records;

/// <summary>A local user: the posts they hold (role ids) and a hashed password.</summary>
public sealed class UserRecord
{
    public required string Id { get; set; }
    public required string DisplayName { get; set; }
    public string? Department { get; set; }
    public required string PasswordHash { get; set; }
    /// <summary>Role ids separated by commas.</summary>
    public required string Roles { get; set; }
    public bool Active { get; set; } = true;
    public required DateTimeOffset CreatedAt { get; set; }
    /// <summary>The department (科室) the user belongs to; <see cref="Department"/> keeps its name.</summary>
    public string? DepartmentId { get; set; }
    /// <summary>Set for seeded and reset passwords: the next sign-in may only change the password.</summary>
    public bool MustChangePassword { get; set; }
    public DateTimeOffset? PasswordChangedAt { get; set; }
    /// <summary>Sign-in refused until then after too many failures.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    /// <summary>Where notifications are mailed; null when the user gets none by e-mail.</summary>
    public string? Email { get; set; }

    public IReadOnlySet<string> RoleSet => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
}

/// <summary>A signed-in session; only the token's hash is stored.</summary>
public sealed class SessionRecord
{
    public required string TokenHash { get; set; }
    public required string UserId { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public required DateTimeOffset ExpiresAt { get; set; }
    /// <summary>The last request made with the session; it expires when idle too long.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
    /// <summary>A session that may only change the password (a forced change at first sign-in).</summary>
    public bool PasswordChangeOnly { get; set; }
}

/// <summary>A loaded year of the official holiday calendar.</summary>
public sealed class CalendarRecord
{
    public required int Year { get; set; }
    public required string Json { get; set; }
    public required string Source { get; set; }
    public required DateTimeOffset LoadedAt { get; set; }
    public required string LoadedBy { get; set; }
}
