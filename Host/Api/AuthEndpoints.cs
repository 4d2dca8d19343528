using System.Security.Claims;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app, RoleNames roleNames)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");

        group.MapPost("/login", async (LoginRequest request, UserDirectory users, SessionStore sessions, SecurityLog log, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
                return Problems.BadRequest("请输入用户名和密码。");
            var username = request.Username.Trim();
            var remote = http.Connection.RemoteIpAddress?.ToString();
            var result = await users.SignInAsync(username, request.Password, ct);
            switch (result.Outcome)
            {
                case SignInOutcome.Failed:
                    await log.AppendAsync(SecurityLog.Kinds.SignInFailed, result.User?.Id, null,
                        result.User is null ? $"登录失败：用户“{Truncate(username)}”不存在或已停用" : "登录失败：密码错误", remote, ct);
                    return Results.Problem(title: "登录失败", detail: "用户名或密码错误。", statusCode: StatusCodes.Status401Unauthorized);
                case SignInOutcome.Locked or SignInOutcome.LockedNow:
                    if (result.Outcome == SignInOutcome.LockedNow)
                        await log.AppendAsync(SecurityLog.Kinds.Lockout, result.User!.Id, null,
                            $"{PasswordPolicy.FailureWindow.TotalMinutes:0} 分钟内连续 {PasswordPolicy.MaxFailures} 次登录失败，账号锁定至 {Local(result.LockedUntil!.Value)}", remote, ct);
                    else
                        await log.AppendAsync(SecurityLog.Kinds.SignInFailed, result.User!.Id, null, "登录失败：账号已锁定", remote, ct);
                    return Results.Problem(title: "账号已锁定",
                        detail: $"连续登录失败次数过多，账号已锁定，请于 {Local(result.LockedUntil!.Value)} 后再试，或联系系统管理员解锁。",
                        statusCode: StatusCodes.Status401Unauthorized,
                        extensions: new Dictionary<string, object?> { ["code"] = "account-locked", ["lockedUntil"] = result.LockedUntil });
            }
            var user = result.User!;
            var mustChange = result.Outcome == SignInOutcome.MustChangePassword;
            var token = await sessions.CreateAsync(user.Id, passwordChangeOnly: mustChange, ct);
            await log.AppendAsync(SecurityLog.Kinds.SignIn, user.Id, user.Id, mustChange ? "登录成功，须先修改密码" : "登录成功", remote, ct);
            // A password-change-only token is not put in the cookie: the page holds it for the change alone.
            if (!mustChange) SetCookie(http, token);
            return Results.Ok(new LoginResponse(token, ToDto(user, roleNames), mustChange));
        }).AllowAnonymous().Produces<LoginResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/password", async (ChangePasswordRequest request, ClaimsPrincipal principal, UserDirectory users, SessionStore sessions,
            SecurityLog log, HttpContext http, CancellationToken ct) =>
        {
            var id = principal.FindFirstValue(ClaimTypes.NameIdentifier)!;
            if (await users.ChangePasswordAsync(id, request.CurrentPassword, request.NewPassword, ct) is { } error)
                return Problems.BadRequest(error);
            // Every session of the user ends, this one too; the answer is a new, full sign-in.
            await sessions.EndAllAsync(id, ct);
            var token = await sessions.CreateAsync(id, ct);
            await log.AppendAsync(SecurityLog.Kinds.PasswordChanged, id, id, "本人修改密码，其他会话已退出", http.Connection.RemoteIpAddress?.ToString(), ct);
            SetCookie(http, token);
            return Results.Ok(new LoginResponse(token, ToDto((await users.FindAsync(id, ct))!, roleNames)));
        }).Produces<LoginResponse>().ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapPost("/logout", async (HttpContext http, SessionStore sessions, CancellationToken ct) =>
        {
            if (TokenAuthenticationHandler.TokenOf(http.Request) is { } token) await sessions.EndAsync(token, ct);
            http.Response.Cookies.Delete(TokenAuthenticationHandler.Cookie);
            return Results.NoContent();
        });

        group.MapPost("/logout-all", async (ClaimsPrincipal principal, HttpContext http, SessionStore sessions, SecurityLog log, CancellationToken ct) =>
        {
            var id = principal.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var ended = await sessions.EndAllAsync(id, ct);
            await log.AppendAsync(SecurityLog.Kinds.SignOutEverywhere, id, id, $"退出全部登录（{ended} 个会话）", http.Connection.RemoteIpAddress?.ToString(), ct);
            http.Response.Cookies.Delete(TokenAuthenticationHandler.Cookie);
            return Results.Ok(new LogoutAllResponse(ended));
        }).Produces<LogoutAllResponse>();

        group.MapGet("/me", async (ClaimsPrincipal principal, UserDirectory users, CancellationToken ct) =>
        {
            var user = await users.FindAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
            return user is null ? Results.Unauthorized() : Results.Ok(ToDto(user, roleNames));
        }).Produces<UserDto>();

        app.MapGet("/api/security-log", async (int? limit, long? before, SecurityLog log, CancellationToken ct) =>
        {
            if (limit is < 1 or > 500) return Problems.BadRequest("limit 应在 1 到 500 之间。");
            if (before is < 1) return Problems.BadRequest("before 应为正整数（日志编号）。");
            var entries = await log.ListAsync(limit ?? 100, before, ct);
            return Results.Ok(entries.Select(e => new SecurityLogEntryDto(e.Id, e.At, e.Kind, e.UserId, e.ActorId, e.Detail, e.RemoteAddress)).ToList());
        }).WithTags("Auth").RequireAuthorization(Policies.Supervisor)
            .Produces<IReadOnlyList<SecurityLogEntryDto>>().ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static void SetCookie(HttpContext http, string token) =>
        http.Response.Cookies.Append(TokenAuthenticationHandler.Cookie, token, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/",
        });

    private static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm");

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private static UserDto ToDto(UserRecord user, RoleNames names) =>
        new(user.Id, user.DisplayName, user.Department, user.RoleSet.Order().ToList(), user.RoleSet.ToDictionary(r => r, names.Of));
}

/// <summary>Chinese names of posts (the post catalog) and of the product's own roles.</summary>
public sealed class RoleNames(IReadOnlyDictionary<string, string> catalog)
{
    public string Of(string role) =>
        catalog.TryGetValue(role, out var name) ? name : SystemRoles.Names.TryGetValue(role, out var system) ? system : role;
}
