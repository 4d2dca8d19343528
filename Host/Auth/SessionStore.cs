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

    public async Task<UserRecord?> UserForAsync(string token, CancellationToken ct = default)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from s in db.Sessions
                      join u in db.Users on s.UserId equals u.Id
                      where s.TokenHash == hash && s.ExpiresAt > now && u.Active
                      select u).AsNoTracking().SingleOrDefaultAsync(ct);
    }

    public async Task EndAsync(string token, CancellationToken ct = default)
    {
        var hash = Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Sessions.Where(s => s.TokenHash == hash).ExecuteDeleteAsync(ct);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
