using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Auth;

/// <summary>
/// The users: password checks, lockout and password changes, and who holds which post and how the departments stand (the
/// roster collective votes, approver rules and staffing checks are taken from; the departments and users definitions may
/// name). Lockout and password times are real time, whatever the case clock.
/// </summary>
public sealed class UserDirectory(IDbContextFactory<WorkflowDbContext> dbFactory, TimeProvider clock, PostCatalog posts)
    : IRosterSource, WorkflowEngine.Engine.Definitions.IOrganisationCatalog
{
    private readonly PasswordHasher<UserRecord> _hasher = new();
    private readonly TimeProvider _real = TimeProvider.System;
    private IRoster _roster = FixedRoster.Empty;
    private string? _dummyHash;

    public IRoster Current => Volatile.Read(ref _roster);

    public bool HasDepartment(string id) => Current.Department(id) is not null;

    public bool HasUser(string id) => Current.Person(id) is not null;

    /// <summary>Reads the roster (active users by post) and the post catalog again; called after every organisation change.</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.Active).OrderBy(u => u.Id).ToListAsync(ct);
        var holders = users
            .SelectMany(u => u.RoleSet.Select(r => (Role: r, Member: new RosterMember(u.Id, u.DisplayName))))
            .GroupBy(x => x.Role)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RosterMember>)g.Select(x => x.Member).ToList());
        Volatile.Write(ref _emails, users.Where(u => !string.IsNullOrWhiteSpace(u.Email)).ToDictionary(u => u.Id, u => u.Email!));
        var departments = await db.Departments.AsNoTracking().Where(d => d.Active).ToListAsync(ct);
        var heads = users.Where(u => u.DepartmentId is not null)
            .Select(u => (u.Id, Head: departments.FirstOrDefault(d => d.Id == u.DepartmentId)?.HeadUserId))
            .Where(x => x.Head is not null).ToDictionary(x => x.Id, x => x.Head!);
        var disabled = (await db.Users.AsNoTracking().Where(u => !u.Active).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var names = users.ToDictionary(u => u.Id, u => u.DisplayName);
        var delegations = (await db.Delegations.AsNoTracking().Where(d => d.RevokedAt == null).ToListAsync(ct))
            .Where(d => names.ContainsKey(d.PrincipalId) && names.ContainsKey(d.StandInId))
            .Select(d => new Delegation(d.Id, d.PrincipalId, names[d.PrincipalId], d.StandInId, names[d.StandInId], d.PostSet, d.FromAt, d.ToAt))
            .ToList();
        var chart = new OrgChart(
            departments.ToDictionary(d => d.Id, d => new OrgDepartment(d.Id, d.Name, d.HeadUserId, d.LeaderUserId)),
            users.ToDictionary(u => u.Id, u => new OrgPerson(u.Id, u.DisplayName, u.DepartmentId)));
        Volatile.Write(ref _roster, new FixedRoster(holders, delegations, heads, disabled, chart));
        Volatile.Write(ref _postsOf, users.ToDictionary(u => u.Id, u => (IReadOnlySet<string>)u.RoleSet.ToHashSet()));
        Volatile.Write(ref _overseen, departments
            .SelectMany(d => new[] { d.HeadUserId, d.LeaderUserId }.OfType<string>().Select(overseer => (Overseer: overseer, Department: d.Id)))
            .GroupBy(x => x.Overseer)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)users.Where(u => g.Any(x => x.Department == u.DepartmentId)).Select(u => u.Id).ToHashSet()));
        var stored = await db.Posts.AsNoTracking().ToListAsync(ct);
        if (stored.Count > 0) posts.Replace(stored.Select(p => KeyValuePair.Create(p.Id, p.Name)));
    }

    /// <summary>
    /// The people a user oversees as the head or the 分管领导 of their departments (the department's members, as the
    /// organisation last read says); empty for anyone who heads no department.
    /// </summary>
    public IReadOnlySet<string> OverseenBy(string userId) =>
        Volatile.Read(ref _overseen).TryGetValue(userId, out var members) ? members : NoOne;

    private static readonly IReadOnlySet<string> NoOne = new HashSet<string>();
    private IReadOnlyDictionary<string, IReadOnlySet<string>> _postsOf = new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>The posts an active user holds (empty for anyone else).</summary>
    public IReadOnlySet<string> PostsOf(string userId) => Volatile.Read(ref _postsOf).TryGetValue(userId, out var posts) ? posts : NoOne;

    /// <summary>The delegations in force now whose stand-in is the user, each with the principal's posts it covers.</summary>
    public IReadOnlyList<(Delegation Delegation, IReadOnlyList<string> Posts)> StandingInFor(string userId, DateTimeOffset now) =>
        Current.DelegationsTo(userId).Where(d => d.InForce(now)).Select(d => (d, (IReadOnlyList<string>)d.PostsOf(PostsOf(d.PrincipalId)).ToList()))
            .Where(x => x.Item2.Count > 0).ToList();

    /// <summary>
    /// The viewer as case scope sees them: their own posts and those they stand in for now. For visibility only — the
    /// runtime is always given the real actor, and finds the delegation itself so that it records "X 代 Y".
    /// </summary>
    public Actor ScopeOf(Actor viewer, DateTimeOffset now)
    {
        var delegated = StandingInFor(viewer.Id, now).SelectMany(x => x.Posts).Where(p => !viewer.Holds(p)).ToList();
        return delegated.Count == 0 ? viewer : viewer with { Roles = viewer.Roles.Concat(delegated).ToHashSet() };
    }

    private IReadOnlyDictionary<string, string> _emails = new Dictionary<string, string>();

    /// <summary>An active user's e-mail address, as the organisation last read says.</summary>
    public string? EmailOf(string userId) => Volatile.Read(ref _emails).GetValueOrDefault(userId);
    private IReadOnlyDictionary<string, IReadOnlySet<string>> _overseen = new Dictionary<string, IReadOnlySet<string>>();

    public async Task<UserRecord?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
    }

    /// <summary>
    /// Checks a sign-in. An unknown or disabled user costs the same password hash as a known one, so that the
    /// answer's timing does not tell whether the user exists. Five failures within 15 minutes lock the account for 15.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string username, string password, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == username, ct);
        var now = _real.GetUtcNow();
        if (user is null || !user.Active)
        {
            _hasher.VerifyHashedPassword(user ?? DummyUser, DummyHash(), password);
            return new SignInResult(SignInOutcome.Failed, null, null);
        }
        if (user.LockedUntil is { } locked && locked > now)
        {
            _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
            return new SignInResult(SignInOutcome.Locked, user, locked);
        }
        if (_hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            db.LoginFailures.Add(new LoginFailureRecord { UserId = user.Id, At = now });
            await db.SaveChangesAsync(ct);
            var since = now - PasswordPolicy.FailureWindow;
            var failures = await db.LoginFailures.CountAsync(f => f.UserId == user.Id && f.At > since, ct);
            if (failures < PasswordPolicy.MaxFailures) return new SignInResult(SignInOutcome.Failed, user, null);
            user.LockedUntil = now + PasswordPolicy.LockoutDuration;
            await db.LoginFailures.Where(f => f.UserId == user.Id).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            return new SignInResult(SignInOutcome.LockedNow, user, user.LockedUntil);
        }
        await db.LoginFailures.Where(f => f.UserId == user.Id).ExecuteDeleteAsync(ct);
        if (user.LockedUntil is not null) { user.LockedUntil = null; await db.SaveChangesAsync(ct); }
        return new SignInResult(user.MustChangePassword ? SignInOutcome.MustChangePassword : SignInOutcome.Succeeded, user, null);
    }

    /// <summary>The user changes their own password: null when done, else why not (in Chinese).</summary>
    public async Task<string?> ChangePasswordAsync(string userId, string? currentPassword, string? newPassword, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return "用户不存在。";
        if (string.IsNullOrEmpty(currentPassword)
            || _hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
            return "当前密码不正确。";
        if (newPassword == currentPassword) return "新密码不得与当前密码相同。";
        return await SetAsync(db, user, newPassword, mustChange: false, checkHistory: true, ct);
    }

    /// <summary>
    /// Sets a password on someone's behalf: an administrator's reset (<paramref name="mustChange"/>: changed at the next
    /// sign-in) or the command line (not). The policy applies; the lockout is lifted.
    /// </summary>
    public async Task<string?> SetPasswordAsync(string userId, string? newPassword, bool mustChange, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return $"用户“{userId}”不存在。";
        user.LockedUntil = null;
        await db.LoginFailures.Where(f => f.UserId == user.Id).ExecuteDeleteAsync(ct);
        return await SetAsync(db, user, newPassword, mustChange, checkHistory: !mustChange, ct);
    }

    /// <summary>Lifts a lockout: false when the user does not exist.</summary>
    public async Task<bool> UnlockAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return false;
        user.LockedUntil = null;
        await db.LoginFailures.Where(f => f.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<string?> SetAsync(WorkflowDbContext db, UserRecord user, string? newPassword, bool mustChange, bool checkHistory, CancellationToken ct)
    {
        if (PasswordPolicy.Check(user.Id, newPassword) is { } problem) return problem;
        if (checkHistory)
        {
            var recent = await db.PasswordHistory.AsNoTracking().Where(h => h.UserId == user.Id)
                .OrderByDescending(h => h.Id).Take(PasswordPolicy.History).Select(h => h.PasswordHash).ToListAsync(ct);
            if (!recent.Contains(user.PasswordHash)) recent.Add(user.PasswordHash);
            if (recent.Any(h => h.Length > 0 && _hasher.VerifyHashedPassword(user, h, newPassword!) != PasswordVerificationResult.Failed))
                return $"新密码不得与最近 {PasswordPolicy.History} 次使用过的密码相同。";
        }
        var now = _real.GetUtcNow();
        user.PasswordHash = _hasher.HashPassword(user, newPassword!);
        user.MustChangePassword = mustChange;
        user.PasswordChangedAt = now;
        db.PasswordHistory.Add(new PasswordHistoryRecord { UserId = user.Id, PasswordHash = user.PasswordHash, ChangedAt = now });
        await db.SaveChangesAsync(ct);
        return null;
    }

    public string HashPassword(UserRecord user, string password) => _hasher.HashPassword(user, password);

    private static readonly UserRecord DummyUser = new()
    {
        Id = "", DisplayName = "", PasswordHash = "", Roles = "", CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private string DummyHash() => _dummyHash ??= _hasher.HashPassword(DummyUser, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    /// <summary>
    /// Creates the given departments and users when there are no users yet (first start). Their passwords are the
    /// published sample ones, so by default they must be changed at first sign-in.
    /// </summary>
    public async Task<int> SeedAsync(IEnumerable<SeedUser> users, IEnumerable<SeedDepartment> departments, bool mustChangePassword, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(ct)) return 0;
        var now = clock.GetUtcNow();
        var seedUsers = users.ToList();
        var known = departments.ToList();
        // Departments named by users but not listed are created too, numbered in order of appearance.
        foreach (var name in seedUsers.Select(u => u.Department).OfType<string>().Distinct())
            if (known.All(d => d.Name != name)) known.Add(new SeedDepartment($"dept-{known.Count + 1:00}", name, null, null));
        if (!await db.Departments.AnyAsync(ct))
            db.Departments.AddRange(known.Select(d => new DepartmentRecord
            {
                Id = d.Id, Name = d.Name, HeadUserId = d.Head, LeaderUserId = d.Leader, CreatedAt = now,
            }));
        var records = seedUsers.Select(u =>
        {
            var record = new UserRecord
            {
                Id = u.Username, DisplayName = u.Name, Department = u.Department, PasswordHash = "",
                Roles = string.Join(",", u.Roles), CreatedAt = now, DepartmentId = known.FirstOrDefault(d => d.Name == u.Department)?.Id,
                MustChangePassword = mustChangePassword,
            };
            record.PasswordHash = _hasher.HashPassword(record, u.Password);
            return record;
        }).ToList();
        db.Users.AddRange(records);
        db.PasswordHistory.AddRange(records.Select(r => new PasswordHistoryRecord { UserId = r.Id, PasswordHash = r.PasswordHash, ChangedAt = now }));
        await db.SaveChangesAsync(ct);
        return records.Count;
    }

    /// <summary>Adds the posts of roles.json the database does not have yet (an administrator's names are kept).</summary>
    public async Task SyncBuiltinPostsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = (await db.Posts.Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var now = _real.GetUtcNow();
        db.Posts.AddRange(posts.Builtin.Where(p => !existing.Contains(p.Key))
            .Select(p => new PostRecord { Id = p.Key, Name = p.Value, Builtin = true, CreatedAt = now }));
        await db.SaveChangesAsync(ct);
    }
}

public enum SignInOutcome { Succeeded, MustChangePassword, Failed, Locked, LockedNow }

public sealed record SignInResult(SignInOutcome Outcome, UserRecord? User, DateTimeOffset? LockedUntil);

public sealed record SeedUser(string Username, string Password, string Name, string? Department, IReadOnlyList<string> Roles);

public sealed record SeedDepartment(string Id, string Name, string? Head, string? Leader);
