namespace WorkflowEngine.Server.Web;

/// <summary>
/// Serves the web UI built from Host/ClientApp into wwwroot, without sign-in (the UI signs in through the
/// API). Any path outside /api, /openapi and /health falls back to index.html for client-side routing.
/// </summary>
public static class ClientApp
{
    public static void UseClientAppFiles(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
    }

    public static void MapClientAppFallback(this WebApplication app) =>
        app.MapFallbackToFile("{*path:regex(^(?!api/|openapi/|health).*$)}", "index.html").AllowAnonymous();
}
