using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Security;

/// <summary>
/// A state-changing request that signs in with the session cookie alone must come from the product's own pages: its
/// Origin (or, lacking one, its Referer) names this host. A token in the Authorization header is never sent by a browser on
/// its own, so scripts and other services are not affected. SameSite=Strict on the cookie is the second line.
/// </summary>
public static class CrossSiteGuard
{
    public static IApplicationBuilder UseCrossSiteGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (IsUnsafe(request.Method) && request.Cookies.ContainsKey(TokenAuthenticationHandler.Cookie)
            && string.IsNullOrEmpty(request.Headers.Authorization) && !FromThisSite(request))
        {
            await Results.Problem(title: "跨站请求被拒绝", statusCode: StatusCodes.Status403Forbidden,
                detail: "该请求不是从本系统页面发出的（Origin 与本站不符），已拒绝。请在本系统页面中操作。").ExecuteAsync(context);
            return;
        }
        await next();
    });

    private static bool IsUnsafe(string method) => !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    private static bool FromThisSite(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"] is { Count: > 0 } site && site.ToString() is "cross-site" or "same-site") return false;
        var source = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(source)) source = request.Headers.Referer.ToString();
        return Uri.TryCreate(source, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
