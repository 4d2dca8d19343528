using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;

namespace WorkflowEngine.Server.Web;

/// <summary>
/// Serves the web UI built from Host/ClientApp into wwwroot, without sign-in (the UI signs in through the
/// API). A GET for any other path outside /api, /openapi and /health that does not name a file gets
/// index.html, for client-side routing; a missing file is 404. The UI's files go out compressed (Brotli or gzip);
/// hashed files under /assets/ may be cached for a year, index.html is revalidated on every load.
/// </summary>
public static class ClientApp
{
    private static readonly string[] ServerPaths = ["/api", "/openapi", "/health", "/metrics"];
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string NoCache = "no-cache";

    public static void AddClientAppCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
    }

    public static void UseClientAppFiles(this WebApplication app)
    {
        // Only the UI's files: API answers stay as they are (the alert stream must not be buffered by a compressor).
        app.UseWhen(http => !ServerPaths.Any(p => http.Request.Path.StartsWithSegments(p)), branch => branch.UseResponseCompression());
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments("/assets") ? Immutable : NoCache,
        });
    }

    public static void MapClientAppFallback(this WebApplication app) =>
        app.MapFallback((HttpContext http, IWebHostEnvironment environment) =>
        {
            var path = http.Request.Path;
            var index = environment.WebRootFileProvider.GetFileInfo("index.html");
            if (!HttpMethods.IsGet(http.Request.Method) || ServerPaths.Any(p => path.StartsWithSegments(p))
                || Path.HasExtension(path.Value) || !index.Exists)
                return Results.NotFound();
            http.Response.Headers.CacheControl = NoCache;
            return Results.Stream(index.CreateReadStream(), "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
}
