using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Server.Organisation;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Api;


public sealed record DepartmentDto(string Id, string Name, string? HeadUserId, string? HeadName, string? LeaderUserId, string? LeaderName, bool Active, int Members);
public sealed record DepartmentRequest(string? Id, string? Name, string? HeadUserId, string? LeaderUserId, bool? Active);
public sealed record PostDto(string Id, string Name, bool Builtin, bool Active, IReadOnlyList<string> Holders);
public sealed record PostRequest(string? Id, string? Name, bool? Active);
public sealed record AdminUserDto(
    string Id, string Name, string? DepartmentId, string? Department, IReadOnlyList<string> Posts, bool Active,
    bool MustChangePassword, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, string? Email = null);
/// <summary>A user to create or edit; <see cref="Email"/> (notifications) is kept when absent and cleared when empty.</summary>
public sealed record UserRequest(string? Id, string? Name, string? DepartmentId, IReadOnlyList<string>? Posts, bool? Active, string? Password,
    string? Email = null);
public sealed record UserCreatedDto(AdminUserDto User, string? TemporaryPassword);
public sealed record ResetPasswordRequest(string? NewPassword);
public sealed record ResetPasswordResponse(string TemporaryPassword);
public sealed record ImportErrorDto(int Line, string? Username, string Message);
public sealed record ImportedPasswordDto(string Username, string TemporaryPassword);
public sealed record ImportResultDto(int Imported, IReadOnlyList<ImportErrorDto> Errors, IReadOnlyList<ImportedPasswordDto> Passwords);

/// <summary>
/// The organisation, administered in the product: departments (科室), posts (岗位) and users with the posts they hold.
/// Administrators only. Nothing is deleted that a case history names: a user who acted on a case is disabled instead.
/// After every change the runtime's roster is read again.
/// </summary>
public static partial class AdminEndpoints
{
    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")] private static partial Regex PostId();
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$")] private static partial Regex UserId();
    [GeneratedRegex(@"^[^@\s<>(),;:""]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex EmailAddress();

    /// <summary>The address to store (null to clear), or a Chinese error.</summary>
    private static (string? Email, string? Error) CheckEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? (null, null)
        : email.Trim().Length <= 254 && EmailAddress().IsMatch(email.Trim()) ? (email.Trim(), null)
        : (null, $"电子邮箱“{email.Trim()}”格式不正确，应形如 name@example.gov.cn。");
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")] private static partial Regex DepartmentId();

    private static IResult Conflict(string detail) => Results.Problem(title: "操作冲突", detail: detail, statusCode: StatusCodes.Status409Conflict);

    private static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        // ---- departments -------------------------------------------------------------------------------------
        group.MapGet("/departments", async (IDbContextFactory<WorkflowDbContext> dbf, CancellationToken ct) =>
        {
            await using var db = await dbf.CreateDbContextAsync(ct);
            return Results.Ok(await DepartmentsAsync(db, ct));
        }).Produces<IReadOnlyList<DepartmentDto>>();

        group.MapPost("/departments", async (DepartmentRequest request, OrgAdmin org, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await using var db = await org.Db(ct);
            var id = request.Id?.Trim() ?? "";
            if (!DepartmentId().IsMatch(id)) return Problems.BadRequest("科室编号须为 1–64 位字母、数字、点、下划线或连字符。");
            if (await db.Departments.AnyAsync(d => d.Id == id, ct)) return Conflict($"科室编号“{id}”已存在。");
            var record = new DepartmentRecord { Id = id, Name = "", CreatedAt = TimeProvider.System.GetUtcNow() };
            if (await ApplyAsync(db, record, request, ct) is { } error) return Problems.BadRequest(error);
            db.Departments.Add(record);
            await db.SaveChangesAsync(ct);
            await org.ChangedAsync(Actor(user), $"新建科室 {id}（{record.Name}）", ct);
            return Results.Created($"/api/admin/departments/{id}", (await DepartmentsAsync(db, ct)).Single(d => d.Id == id));
        }).Produces<DepartmentDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/departments/{id}", async (string id, DepartmentRequest request, OrgAdmin org, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await using var db = await org.Db(ct);
            var record = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, ct);
            if (record is null) return Problems.NotFound($"科室“{id}”不存在。");
            if (await ApplyAsync(db, record, request with { Name = request.Name ?? record.Name }, ct) is { } error) return Problems.BadRequest(error);
            await db.Users.Where(u => u.DepartmentId == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Department, record.Name), ct);
            await db.SaveChangesAsync(ct);
            await org.ChangedAsync(Actor(user), $"修改科室 {id}（{record.Name}）", ct);
            return Results.Ok((await DepartmentsAsync(db, ct)).Single(d => d.Id == id));
        }).Produces<DepartmentDto>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/departments/{id}/disable", async (string id, OrgAdmin org, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await using var db = await org.Db(ct);
            var record = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, ct);
            if (record is null) return Problems.NotFound($"科室“{id}”不存在。");
            if (await db.Users.AnyAsync(u => u.DepartmentId == id && u.Active, ct))
                return Conflict($"科室“{record.Name}”还有在岗人员，请先将其调往其他科室或停用。");
            record.Active = false;
            await db.SaveChangesAsync(ct);
            await org.ChangedAsync(Actor(user), $"停用科室 {id}（{record.Name}）", ct);
            return Results.Ok((await DepartmentsAsync(db, ct)).Single(d => d.Id == id));
        }).Produces<DepartmentDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        // ---- posts ---------------------------------------------------------------------------------------------
        group.MapGet("/posts", async (OrgAdmin org, CancellationToken ct) =>
        {
            await using var db = await org.Db(ct);
            return Results.Ok(await PostsAsync(db, ct));
        }).Produces<IReadOnlyList<PostDto>>();

        group.MapPost("/posts", async (PostRequest request, OrgAdmin org, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await using var db = await org.Db(ct);
            var id = request.Id?.Trim() ?? "";
            if (!PostId().IsMatch(id)) return Problems.BadRequest("岗位编号须以小写字母开头，由小写字母、数字和连字符组成，至多 64 位。");
            if (SystemRoles.Names.ContainsKey(id) || await db.Posts.AnyAsync(p => p.Id == id, ct)) return Conflict($"岗位编号“{id}”已存在。");
            if (string.IsNullOrWhiteSpace(request.Name)) return Problems.BadRequest("请填写岗位名称。");
            db.Posts.Add(new PostRecord { Id = id, Name = request.Name.Trim(), Active = request.Active ?? true, CreatedAt = TimeProvider.System.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            await org.ChangedAsync(Actor(user), $"新建岗位 {id}（{request.Name.Trim()}）", ct);
            return Results.Created($"/api/admin/posts/{id}", (await PostsAsync(db, ct)).Single(p => p.Id == id));
        }).Produces<PostDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/posts/{id}", async (string id, PostRequest request, OrgAdmin org, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await using var db = await org.Db(ct);
            var record = await db.Posts.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (record is null) return Problems.NotFound($"岗位“{id}”不存在。");
            if (request.Name is not null && string.IsNullOrWhiteSpace(request.Name)) return Problems.BadRequest("请填写岗位名称。");
            record.Name = request.Name?.Trim() ?? record.Name;
            record.Active = request.Active ?? record.Active;
            await db.SaveChangesAsync(ct);
            await org.ChangedAsync(Actor(user), $"修改岗位 {id}（{record.Name}）", ct);
            return Results.Ok((await PostsAsync(db, ct)).Single(p => p.Id == id));
        }).Produces<PostDto>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/posts/{id}/disable", async (string id, OrgAdmin org, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await using var db = await org.Db(ct);
            var record = await db.Posts.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (record is null) return Problems.NotFound($"岗位“{id}”不存在。");
            record.Active = false;
            await db.SaveChangesAsync(ct);
            await org.ChangedAsync(Actor(user), $"停用岗位 {id}（{record.Name}）", ct);
            return Results.Ok((await PostsAsync(db, ct)).Single(p => p.Id == id));
        }).Produces<PostDto>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/vacant-posts", async (Staffing staffing, CancellationToken ct) => Results.Ok(await staffing.VacantPostsAsync(ct)))
            .Produces<IReadOnlyList<VacantPostDto>>();

        // ---- users ---------------------------------------------------------------------------------------------
        group.MapGet("/users", async (OrgAdmin org, CancellationToken ct) =>
        {
            await using var db = await org.Db(ct);
            return Results.Ok((await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct)).Select(ToDto));
        }).Produces<IReadOnlyList<AdminUserDto>>();

        group.MapPost("/users", async (UserRequest request, OrgAdmin org, UserDirectory users, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await using var db = await org.Db(ct);
            var check = await ValidateNewUserAsync(db, request, ct);
            if (check.Conflict) return Conflict(check.Error!);
            if (check.Error is not null) return Problems.BadRequest(check.Error);
            var (record, temporary) = NewUser(request, check.Department, users);
            db.Users.Add(record);
            db.PasswordHistory.Add(new PasswordHistoryRecord { UserId = record.Id, PasswordHash = record.PasswordHash, ChangedAt = record.CreatedAt });
            await db.SaveChangesAsync(ct);
            await org.ChangedAsync(Actor(user), $"新建用户 {record.Id}（{record.DisplayName}），岗位：{record.Roles}", ct, record.Id);
            return Results.Created($"/api/admin/users/{record.Id}", new UserCreatedDto(ToDto(record), temporary));
        }).Produces<UserCreatedDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/users/{id}", async (string id, UserRequest request, OrgAdmin org, SessionStore sessions, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await using var db = await org.Db(ct);
            var record = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
            if (record is null) return Problems.NotFound($"用户“{id}”不存在。");
            if (request.Name is not null && string.IsNullOrWhiteSpace(request.Name)) return Problems.BadRequest("请填写姓名。");
            DepartmentRecord? department = null;
            if (request.DepartmentId is { Length: > 0 } departmentId)
            {
                department = await db.Departments.SingleOrDefaultAsync(d => d.Id == departmentId, ct);
                if (department is null) return Problems.BadRequest($"科室“{departmentId}”不存在。");
                if (!department.Active && departmentId != record.DepartmentId) return Problems.BadRequest($"科室“{department.Name}”已停用。");
            }
            if (request.Posts is { } posts && await CheckPostsAsync(db, posts, record.RoleSet, ct) is { } postError) return Problems.BadRequest(postError);
            var (email, emailError) = CheckEmail(request.Email);
            if (emailError is not null) return Problems.BadRequest(emailError);
            if (id == Actor(user) && (request.Active == false || request.Posts is { } p && !p.Contains(SystemRoles.Admin)))
                return Problems.BadRequest("不能停用自己的账号或撤销自己的系统管理员岗位。");
            record.DisplayName = request.Name?.Trim() ?? record.DisplayName;
            if (request.DepartmentId is not null)
            {
                record.DepartmentId = department?.Id;
                record.Department = department?.Name;
            }
            if (request.Posts is { } newPosts) record.Roles = string.Join(",", newPosts.Select(x => x.Trim()).Distinct());
            if (request.Active is { } active) record.Active = active;
            if (request.Email is not null) record.Email = email;
            await db.SaveChangesAsync(ct);
            if (!record.Active) await sessions.EndAllAsync(id, ct);
            await org.ChangedAsync(Actor(user), $"修改用户 {id}（{record.DisplayName}），岗位：{record.Roles}，{(record.Active ? "在用" : "停用")}", ct, id);
            return Results.Ok(ToDto(record));
        }).Produces<AdminUserDto>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/users/{id}/disable", async (string id, OrgAdmin org, SessionStore sessions, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await using var db = await org.Db(ct);
            var record = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
            if (record is null) return Problems.NotFound($"用户“{id}”不存在。");
            if (id == Actor(user)) return Problems.BadRequest("不能停用自己的账号。");
            record.Active = false;
            await db.SaveChangesAsync(ct);
            await sessions.EndAllAsync(id, ct);
            await org.ChangedAsync(Actor(user), $"停用用户 {id}（{record.DisplayName}）", ct, id);
            return Results.Ok(ToDto(record));
        }).Produces<AdminUserDto>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/users/{id}", async (string id, OrgAdmin org, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await using var db = await org.Db(ct);
            var record = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
            if (record is null) return Problems.NotFound($"用户“{id}”不存在。");
            if (id == Actor(user)) return Problems.BadRequest("不能删除自己的账号。");
            if (await db.History.AnyAsync(h => h.ActorId == id, ct) || await db.Cases.AnyAsync(c => c.StartedBy == id, ct))
                return Conflict($"用户“{record.DisplayName}”已出现在案件办理记录中，不能删除（办理记录须可追溯），请改为停用。");
            db.Users.Remove(record);
            await db.Sessions.Where(s => s.UserId == id).ExecuteDeleteAsync(ct);
            await db.PasswordHistory.Where(s => s.UserId == id).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            await org.ChangedAsync(Actor(user), $"删除用户 {id}（{record.DisplayName}）", ct, id);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/users/{id}/reset-password", async (string id, ResetPasswordRequest? request, UserDirectory users, SessionStore sessions,
            SecurityLog log, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (await users.FindAsync(id, ct) is null) return Problems.NotFound($"用户“{id}”不存在。");
            var password = string.IsNullOrEmpty(request?.NewPassword) ? PasswordPolicy.Generate() : request.NewPassword;
            if (await users.SetPasswordAsync(id, password, mustChange: true, ct) is { } error) return Problems.BadRequest(error);
            await sessions.EndAllAsync(id, ct);
            await log.AppendAsync(SecurityLog.Kinds.PasswordReset, id, Actor(user), "系统管理员重置密码，须在下次登录时修改", null, ct);
            return Results.Ok(new ResetPasswordResponse(password));
        }).Produces<ResetPasswordResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/users/{id}/unlock", async (string id, UserDirectory users, SecurityLog log, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (!await users.UnlockAsync(id, ct)) return Problems.NotFound($"用户“{id}”不存在。");
            await log.AppendAsync(SecurityLog.Kinds.Unlock, id, Actor(user), "系统管理员解除锁定", null, ct);
            return Results.Ok(ToDto((await users.FindAsync(id, ct))!));
        }).Produces<AdminUserDto>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/users/import", async (HttpRequest http, OrgAdmin org, UserDirectory users, ClaimsPrincipal user, CancellationToken ct) =>
        {
            using var reader = new StreamReader(http.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(ct);
            var (rows, parseError) = UserImport.Parse(text, http.ContentType);
            if (parseError is not null)
                return Results.Json(new ImportResultDto(0, [parseError], []), statusCode: StatusCodes.Status422UnprocessableEntity, contentType: "application/problem+json");
            await using var db = await org.Db(ct);
            var errors = new List<ImportErrorDto>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var accepted = new List<(UserRecord Record, string? Temporary)>();
            foreach (var row in rows)
            {
                var check = await ValidateNewUserAsync(db, row.Request, ct);
                var error = check.Error ?? (!seen.Add(row.Request.Id!.Trim()) ? $"用户名“{row.Request.Id!.Trim()}”在文件中重复。" : null);
                if (error is not null) { errors.Add(new ImportErrorDto(row.Line, row.Request.Id, error)); continue; }
                accepted.Add(NewUser(row.Request, check.Department, users));
            }
            if (rows.Count == 0) errors.Add(new ImportErrorDto(1, null, "文件中没有用户。"));
            if (errors.Count > 0)
                return Results.Json(new ImportResultDto(0, errors, []), statusCode: StatusCodes.Status422UnprocessableEntity, contentType: "application/problem+json");
            db.Users.AddRange(accepted.Select(a => a.Record));
            db.PasswordHistory.AddRange(accepted.Select(a => new PasswordHistoryRecord { UserId = a.Record.Id, PasswordHash = a.Record.PasswordHash, ChangedAt = a.Record.CreatedAt }));
            await db.SaveChangesAsync(ct);
            await org.ChangedAsync(Actor(user), $"导入用户 {accepted.Count} 名：{string.Join("、", accepted.Select(a => a.Record.Id))}", ct);
            return Results.Ok(new ImportResultDto(accepted.Count, [],
                accepted.Where(a => a.Temporary is not null).Select(a => new ImportedPasswordDto(a.Record.Id, a.Temporary!)).ToList()));
        }).Accepts<string>("application/json", "text/csv").Produces<ImportResultDto>().Produces<ImportResultDto>(StatusCodes.Status422UnprocessableEntity);
    }

    public static AdminUserDto ToDto(UserRecord u) => new(u.Id, u.DisplayName, u.DepartmentId, u.Department, u.RoleSet.Order().ToList(), u.Active,
        u.MustChangePassword, u.LockedUntil is { } l && l > TimeProvider.System.GetUtcNow() ? l : null, u.CreatedAt, u.Email);

    private static async Task<IReadOnlyList<DepartmentDto>> DepartmentsAsync(WorkflowDbContext db, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.DepartmentId, u.Active }).ToListAsync(ct);
        string? Name(string? id) => id is null ? null : users.FirstOrDefault(u => u.Id == id)?.DisplayName;
        return departments.Select(d => new DepartmentDto(d.Id, d.Name, d.HeadUserId, Name(d.HeadUserId), d.LeaderUserId, Name(d.LeaderUserId), d.Active,
            users.Count(u => u.DepartmentId == d.Id && u.Active))).ToList();
    }

    private static async Task<IReadOnlyList<PostDto>> PostsAsync(WorkflowDbContext db, CancellationToken ct)
    {
        var posts = await db.Posts.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        var users = (await db.Users.AsNoTracking().Where(u => u.Active).ToListAsync(ct));
        return posts.Select(p => new PostDto(p.Id, p.Name, p.Builtin, p.Active,
            users.Where(u => u.RoleSet.Contains(p.Id)).Select(u => u.Id).Order().ToList())).ToList();
    }

    private static async Task<string?> ApplyAsync(WorkflowDbContext db, DepartmentRecord record, DepartmentRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) return "请填写科室名称。";
        foreach (var (who, label) in new[] { (request.HeadUserId, "科室负责人"), (request.LeaderUserId, "分管领导") })
            if (!string.IsNullOrEmpty(who) && !await db.Users.AnyAsync(u => u.Id == who && u.Active, ct))
                return $"{label}“{who}”不是在用的用户。";
        record.Name = request.Name.Trim();
        record.HeadUserId = string.IsNullOrEmpty(request.HeadUserId) ? null : request.HeadUserId;
        record.LeaderUserId = string.IsNullOrEmpty(request.LeaderUserId) ? null : request.LeaderUserId;
        if (request.Active is { } active) record.Active = active;
        return null;
    }

    private static async Task<string?> CheckPostsAsync(WorkflowDbContext db, IReadOnlyList<string> posts, IReadOnlySet<string> held, CancellationToken ct)
    {
        var active = (await db.Posts.AsNoTracking().Where(p => p.Active).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        foreach (var post in posts.Select(p => p.Trim()))
            if (!active.Contains(post) && !SystemRoles.Names.ContainsKey(post) && !held.Contains(post))
                return $"岗位“{post}”不存在或已停用。";
        return null;
    }

    private sealed record NewUserCheck(string? Error, bool Conflict, DepartmentRecord? Department);

    private static async Task<NewUserCheck> ValidateNewUserAsync(WorkflowDbContext db, UserRequest request, CancellationToken ct)
    {
        var id = request.Id?.Trim() ?? "";
        if (!UserId().IsMatch(id)) return new("用户名须为 2–64 位字母、数字、点、下划线或连字符，以字母或数字开头。", false, null);
        if (await db.Users.AnyAsync(u => u.Id == id, ct)) return new($"用户名“{id}”已存在。", true, null);
        if (string.IsNullOrWhiteSpace(request.Name)) return new("请填写姓名。", false, null);
        DepartmentRecord? department = null;
        if (!string.IsNullOrWhiteSpace(request.DepartmentId))
        {
            var key = request.DepartmentId.Trim();
            department = await db.Departments.SingleOrDefaultAsync(d => d.Id == key, ct)
                ?? await db.Departments.FirstOrDefaultAsync(d => d.Name == key, ct);
            if (department is null) return new($"科室“{key}”不存在。", false, null);
            if (!department.Active) return new($"科室“{department.Name}”已停用。", false, null);
        }
        if (request.Posts is not { Count: > 0 }) return new("请至少指定一个岗位。", false, null);
        if (await CheckPostsAsync(db, request.Posts, new HashSet<string>(), ct) is { } postError) return new(postError, false, null);
        if (!string.IsNullOrEmpty(request.Password) && PasswordPolicy.Check(id, request.Password) is { } passwordError) return new(passwordError, false, null);
        if (CheckEmail(request.Email).Error is { } emailError) return new(emailError, false, null);
        return new(null, false, department);
    }

    private static (UserRecord, string?) NewUser(UserRequest request, DepartmentRecord? department, UserDirectory users)
    {
        var temporary = string.IsNullOrEmpty(request.Password) ? PasswordPolicy.Generate() : null;
        var record = new UserRecord
        {
            Id = request.Id!.Trim(), DisplayName = request.Name!.Trim(), DepartmentId = department?.Id, Department = department?.Name,
            Roles = string.Join(",", request.Posts!.Select(p => p.Trim()).Distinct()), PasswordHash = "", CreatedAt = TimeProvider.System.GetUtcNow(),
            Active = request.Active ?? true, MustChangePassword = true, Email = CheckEmail(request.Email).Email,
        };
        record.PasswordHash = users.HashPassword(record, temporary ?? request.Password!);
        return (record, temporary);
    }
}
