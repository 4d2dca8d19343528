using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Auth;

/// <summary>The users: password checks, and who holds which post (the roster collective votes are taken from).</summary>
public sealed class UserDirectory(IDbContextFactory<WorkflowDbContext> dbFactory, TimeProvider clock) : IRosterSource
{
    private readonly PasswordHasher<UserRecord> _hasher = new();
    private IRoster _roster = FixedRoster.Empty;

    public IRoster Current => Volatile.Read(ref _roster);

    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.Active).OrderBy(u => u.Id).ToListAsync(ct);
        var holders = users
            .SelectMany(u => u.RoleSet.Select(r => (Role: r, Member: new RosterMember(u.Id, u.DisplayName))))
            .GroupBy(x => x.Role)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RosterMember>)g.Select(x => x.Member).ToList());
        Volatile.Write(ref _roster, new FixedRoster(holders));
    }

    public async Task<UserRecord?> VerifyAsync(string username, string password, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == username && u.Active, ct);
        if (user is null) return null;
        return _hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    public async Task<UserRecord?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
    }

    /// <summary>Creates the given users when there are none yet (first start).</summary>
    public async Task<int> SeedAsync(IEnumerable<SeedUser> users, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(ct)) return 0;
        var now = clock.GetUtcNow();
        var records = users.Select(u =>
        {
            var record = new UserRecord
            {
                Id = u.Username, DisplayName = u.Name, Department = u.Department, PasswordHash = "",
                Roles = string.Join(",", u.Roles), CreatedAt = now,
            };
            record.PasswordHash = _hasher.HashPassword(record, u.Password);
            return record;
        }).ToList();
        db.Users.AddRange(records);
        await db.SaveChangesAsync(ct);
        return records.Count;
    }
}

public sealed record SeedUser(string Username, string Password, string Name, string? Department, IReadOnlyList<string> Roles);
