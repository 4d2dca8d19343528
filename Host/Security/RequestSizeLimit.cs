using Microsoft.AspNetCore.Http.Features;

namespace WorkflowEngine.Server.Security;

/// <summary>
/// Refuses a request body above the configured size with 413 before anything reads it; a body sent without a length is
/// cut off at the same size by the server (Kestrel), which reports it the same way.
/// </summary>
public static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app, long defaultBytes, long uploadBytes) => app.Use(async (context, next) =>
    {
        var maxBytes = IsUpload(context.Request) ? uploadBytes : defaultBytes;
        if (context.Request.ContentLength > maxBytes)
        {
            await Results.Problem(title: "请求内容过大", statusCode: StatusCodes.Status413PayloadTooLarge,
                detail: $"请求正文 {context.Request.ContentLength} 字节，超过上限 {maxBytes} 字节。").ExecuteAsync(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = maxBytes;
        await next();
    });

    /// <summary>The routes that take files: material files, document templates, the agency's seal.</summary>
    private static bool IsUpload(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) && request.Path.Value is { } path
        && ((path.StartsWith("/api/cases/", StringComparison.Ordinal) && path.Contains("/materials/", StringComparison.Ordinal) && path.EndsWith("/files", StringComparison.Ordinal))
            || path.StartsWith("/api/document-templates/", StringComparison.Ordinal)
            || path == "/api/agency-settings/seal");
}
