using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Auth;

/// <summary>
/// Bearer tokens: random, returned once, stored only as a hash, valid for the configured hours and ended sooner
/// when not used for the idle time. A password-change-only session is what a forced change at first sign-in gets.
/// </summary>
public sealed class SessionStore(IDbContextFactory<WorkflowDbContext> dbFactory, TimeProvider clock, TimeSpan lifetime, TimeSpan? idle = null)
{
    private readonly TimeSpan _idle = idle ?? TimeSpan.FromMinutes(30);

    public async Task<string> CreateAsync(string userId, CancellationToken ct = default) => await CreateAsync(userId, false, ct);

    public async Task<string> CreateAsync(string userId, bool passwordChangeOnly, CancellationToken ct = default)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Sessions.Add(new SessionRecord
        {
            TokenHash = Hash(token), UserId = userId, CreatedAt = now, ExpiresAt = now + (passwordChangeOnly ? TimeSpan.FromMinutes(15) : lifetime),
            LastSeenAt = now, PasswordChangeOnly = passwordChangeOnly,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<UserRecord?> UserForAsync(string token, CancellationToken ct = default) => (await SessionForAsync(token, ct))?.User;

    /// <summary>The live session of a token and its user; using it counts as activity.</summary>
    public async Task<(UserRecord User, SessionRecord Session)?> SessionForAsync(string token, CancellationToken ct = default)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await _liveSession(db, hash, now, ct);
        if (found is null) return null;
        if (found.Session.LastSeenAt + _idle <= now)
        {
            await db.Sessions.Where(s => s.TokenHash == hash).ExecuteDeleteAsync(ct);
            return null;
        }
        // Activity is written at most every tenth of the idle time (and at least every minute), not on every request.
        var step = TimeSpan.FromTicks(Math.Min(_idle.Ticks / 10, TimeSpan.FromMinutes(1).Ticks));
        if (now - found.Session.LastSeenAt >= step)
            await db.Sessions.Where(s => s.TokenHash == hash).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        return (found.User, found.Session);
    }

    private sealed record LiveSessionRow(SessionRecord Session, UserRecord User);

    /// <summary>Compiled once per store (a compiled query keeps to one database's model): every request signs in through it.</summary>
    private readonly Func<WorkflowDbContext, string, DateTimeOffset, CancellationToken, Task<LiveSessionRow?>> _liveSession =
        EF.CompileAsyncQuery((WorkflowDbContext db, string hash, DateTimeOffset now, CancellationToken ct) =>
            (from s in db.Sessions.AsNoTracking()
             join u in db.Users.AsNoTracking() on s.UserId equals u.Id
             where s.TokenHash == hash && s.ExpiresAt > now && u.Active
             select new LiveSessionRow(s, u)).SingleOrDefault());

    public async Task EndAsync(string token, CancellationToken ct = default)
    {
        var hash = Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Sessions.Where(s => s.TokenHash == hash).ExecuteDeleteAsync(ct);
    }

    /// <summary>Ends every session of a user (sign out everywhere, a password change or reset, a disabled account).</summary>
    public async Task<int> EndAllAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
