using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Auth;

/// <summary>Bearer tokens: random, returned once, stored only as a hash, valid for the configured hours.</summary>
public sealed class SessionStore(IDbContextFactory<WorkflowDbContext> dbFactory, TimeProvider clock, TimeSpan lifetime)
{
    public async Task<string> CreateAsync(string userId, CancellationToken ct = default)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Sessions.Add(new SessionRecord { TokenHash = Hash(token), UserId = userId, CreatedAt = now, ExpiresAt = now + lifetime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>How long a validated session is answered from memory before the database is asked again.</summary>
    public static readonly TimeSpan Remember = TimeSpan.FromSeconds(30);

    // Validated sessions by token hash: a request needs no database round trip while the entry is fresh. Logging out
    // removes the entry first, so a token stops working at once; Forget drops a user's entries (deactivation, new password).
    private readonly ConcurrentDictionary<string, (UserRecord User, DateTimeOffset Until)> _recent = new();

    public async Task<UserRecord?> UserForAsync(string token, CancellationToken ct = default)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        if (_recent.TryGetValue(hash, out var hit))
        {
            if (hit.Until > now) return hit.User;
            _recent.TryRemove(hash, out _);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (from s in db.Sessions
                           join u in db.Users on s.UserId equals u.Id
                           where s.TokenHash == hash && s.ExpiresAt > now && u.Active
                           select new { User = u, s.ExpiresAt }).AsNoTracking().SingleOrDefaultAsync(ct);
        if (found is null) return null;
        if (_recent.Count >= 10_000) _recent.Clear();
        _recent[hash] = (found.User, found.ExpiresAt < now + Remember ? found.ExpiresAt : now + Remember);
        return found.User;
    }

    /// <summary>Drops what is remembered of a user's sessions, so that a change to the user counts from the next request.</summary>
    public void Forget(string userId)
    {
        foreach (var (hash, entry) in _recent)
            if (entry.User.Id == userId) _recent.TryRemove(hash, out _);
    }

    public async Task EndAsync(string token, CancellationToken ct = default)
    {
        var hash = Hash(token);
        _recent.TryRemove(hash, out _);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Sessions.Where(s => s.TokenHash == hash).ExecuteDeleteAsync(ct);
        _recent.TryRemove(hash, out _); // a request that read the session before it was deleted may have remembered it
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
