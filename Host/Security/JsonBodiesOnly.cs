namespace WorkflowEngine.Server.Security;

/// <summary>
/// The API reads JSON (and, for uploads, multipart forms or CSV): a body of any other type is refused with 415 and a
/// Chinese message, rather than falling through to "not found".
/// </summary>
public static class JsonBodiesOnly
{
    private static readonly string[] Accepted = ["application/json", "application/problem+json", "multipart/form-data", "text/csv"];

    public static IApplicationBuilder UseJsonBodiesOnly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && request.ContentLength is > 0 or null && !string.IsNullOrEmpty(request.ContentType)
            && !Accepted.Any(type => request.ContentType.StartsWith(type, StringComparison.OrdinalIgnoreCase)))
        {
            await Results.Problem(title: "请求内容类型不受支持", statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: $"请求正文须为 JSON（Content-Type: application/json），收到的是“{request.ContentType}”。").ExecuteAsync(context);
            return;
        }
        await next();
    });
}
