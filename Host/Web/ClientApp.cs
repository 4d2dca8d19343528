namespace WorkflowEngine.Server.Web;

/// <summary>
/// Serves the web UI built from Host/ClientApp into wwwroot, without sign-in (the UI signs in through the
/// API). Any path outside /api, /openapi and /health that does not name a file falls back to index.html for
/// client-side routing. (The fallback must not match file paths: the implicit UseRouting runs first, and the static
/// file middleware does not serve a request for which an endpoint was selected, so /assets/*.js would get index.html.)
/// </summary>
public static class ClientApp
{
    public static void UseClientAppFiles(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
    }

    public static void MapClientAppFallback(this WebApplication app) =>
        app.MapFallbackToFile("{*path:nonfile:regex(^(?!api/|openapi/|health).*$)}", "index.html").AllowAnonymous();
}
