namespace WorkflowEngine.Server.Web;

/// <summary>
/// Serves the web UI built from Host/ClientApp into wwwroot, without sign-in (the UI signs in through the
/// API). A GET for any other path outside /api, /openapi and /health that does not name a file gets
/// index.html, for client-side routing; a missing file is 404.
/// </summary>
public static class ClientApp
{
    private static readonly string[] ServerPaths = ["/api", "/openapi", "/health"];

    public static void UseClientAppFiles(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
    }

    public static void MapClientAppFallback(this WebApplication app) =>
        app.MapFallback((HttpContext http, IWebHostEnvironment environment) =>
        {
            var path = http.Request.Path;
            var index = environment.WebRootFileProvider.GetFileInfo("index.html");
            if (!HttpMethods.IsGet(http.Request.Method) || ServerPaths.Any(p => path.StartsWithSegments(p))
                || Path.HasExtension(path.Value) || !index.Exists)
                return Results.NotFound();
            return Results.Stream(index.CreateReadStream(), "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
}
