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

    public IReadOnlySet<string> RoleSet => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
}

/// <summary>A signed-in session; only the token's hash is stored.</summary>
public sealed class SessionRecord
{
    public required string TokenHash { get; set; }
    public required string UserId { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public required DateTimeOffset ExpiresAt { get; set; }
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
