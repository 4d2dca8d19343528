namespace WorkflowEngine.Store.Persistence.Records;

/// <summary>A department (科室) with its head and the leader in charge of it (分管领导).</summary>
public sealed class DepartmentRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? HeadUserId { get; set; }
    public string? LeaderUserId { get; set; }
    public bool Active { get; set; } = true;
    public required DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A post (岗位): those of Definitions/roles.json (built in) and any an administrator added.</summary>
public sealed class PostRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public bool Builtin { get; set; }
    public bool Active { get; set; } = true;
    public required DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A password a user had, so that the last ones are not reused.</summary>
public sealed class PasswordHistoryRecord
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string PasswordHash { get; set; }
    public required DateTimeOffset ChangedAt { get; set; }
}

/// <summary>A failed sign-in of a known user, counted for the lockout.</summary>
public sealed class LoginFailureRecord
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required DateTimeOffset At { get; set; }
}

/// <summary>An entry of the append-only security log (sign-ins, failures, lockouts, password and organisation changes).</summary>
public sealed class SecurityLogRecord
{
    public long Id { get; set; }
    public required DateTimeOffset At { get; set; }
    public required string Kind { get; set; }
    public string? UserId { get; set; }
    public string? ActorId { get; set; }
    public required string Detail { get; set; }
    public string? RemoteAddress { get; set; }
}
