using System.Security.Claims;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app, RoleNames roleNames)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");

        group.MapPost("/login", async (LoginRequest request, UserDirectory users, SessionStore sessions, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
                return Problems.BadRequest("请输入用户名和密码。");
            var user = await users.VerifyAsync(request.Username.Trim(), request.Password, ct);
            if (user is null)
                return Results.Problem(title: "登录失败", detail: "用户名或密码错误。", statusCode: StatusCodes.Status401Unauthorized);
            var token = await sessions.CreateAsync(user.Id, ct);
            http.Response.Cookies.Append(TokenAuthenticationHandler.Cookie, token, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/",
            });
            return Results.Ok(new LoginResponse(token, ToDto(user, roleNames)));
        }).AllowAnonymous().Produces<LoginResponse>();

        group.MapPost("/logout", async (HttpContext http, SessionStore sessions, CancellationToken ct) =>
        {
            if (TokenAuthenticationHandler.TokenOf(http.Request) is { } token) await sessions.EndAsync(token, ct);
            http.Response.Cookies.Delete(TokenAuthenticationHandler.Cookie);
            return Results.NoContent();
        });

        group.MapGet("/me", async (ClaimsPrincipal principal, UserDirectory users, CancellationToken ct) =>
        {
            var user = await users.FindAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
            return user is null ? Results.Unauthorized() : Results.Ok(ToDto(user, roleNames));
        }).Produces<UserDto>();
    }

    private static UserDto ToDto(UserRecord user, RoleNames names) =>
        new(user.Id, user.DisplayName, user.Department, user.RoleSet.Order().ToList(), user.RoleSet.ToDictionary(r => r, names.Of));
}

/// <summary>Chinese names of posts (Definitions/roles.json) and of the product's own roles.</summary>
public sealed class RoleNames(IReadOnlyDictionary<string, string> catalog)
{
    public string Of(string role) =>
        catalog.TryGetValue(role, out var name) ? name : SystemRoles.Names.TryGetValue(role, out var system) ? system : role;
}
