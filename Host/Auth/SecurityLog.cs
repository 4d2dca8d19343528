using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Auth;

/// <summary>The append-only security log: sign-ins, failures, lockouts, unlocks, password and organisation changes.</summary>
public sealed class SecurityLog(IDbContextFactory<WorkflowDbContext> dbFactory)
{
    public static class Kinds
    {
        public const string SignIn = "sign-in";
        public const string SignInFailed = "sign-in-failed";
        public const string Lockout = "lockout";
        public const string Unlock = "unlock";
        public const string PasswordChanged = "password-changed";
        public const string PasswordReset = "password-reset";
        public const string SignOutEverywhere = "sign-out-everywhere";
        public const string AdminChange = "admin-change";
    }

    public async Task AppendAsync(string kind, string? userId, string? actorId, string detail, string? remote = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.SecurityLog.Add(new SecurityLogRecord
        {
            At = TimeProvider.System.GetUtcNow(), Kind = kind, UserId = userId, ActorId = actorId, Detail = detail, RemoteAddress = remote,
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Newest first: up to <paramref name="limit"/> entries older than the entry <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<SecurityLogRecord>> ListAsync(int limit, long? before, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.SecurityLog.AsNoTracking();
        if (before is { } b) query = query.Where(l => l.Id < b);
        return await query.OrderByDescending(l => l.Id).Take(limit).ToListAsync(ct);
    }
}
