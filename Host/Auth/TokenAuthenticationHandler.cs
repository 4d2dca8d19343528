using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Server.Auth;

/// <summary>Signs requests in from "Authorization: Bearer …" or the browser's session cookie.</summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionStore sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string Cookie = "wf_session";
    /// <summary>Present on a session that may only change the password.</summary>
    public const string PasswordChangeOnlyClaim = "wf:password-change-only";

    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        return request.Cookies.TryGetValue(Cookie, out var cookie) ? cookie : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();
        var found = await sessions.SessionForAsync(token, Context.RequestAborted);
        if (found is not var (user, session)) return AuthenticateResult.Fail("登录已失效，请重新登录。");
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, user.DisplayName) };
        if (session.PasswordChangeOnly) claims.Add(new Claim(PasswordChangeOnlyClaim, "true"));
        else claims.AddRange(user.RoleSet.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>A session that must change its password first may call nothing else of the API.</summary>
public static class PasswordChangeGate
{
    public const string PasswordRoute = "/api/auth/password";

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.HasClaim(TokenAuthenticationHandler.PasswordChangeOnlyClaim, "true")
            && http.Request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals(PasswordRoute, StringComparison.OrdinalIgnoreCase)))
        {
            await Results.Problem(title: "须先修改密码", detail: "初始密码或重置后的密码须先修改，修改密码后才能使用系统。",
                statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["code"] = "must-change-password" })
                .ExecuteAsync(http);
            return;
        }
        await next(http);
    });
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The engine's view of the signed-in user: id, name and the posts they hold.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."),
        user.FindFirstValue(ClaimTypes.Name) ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());
}
