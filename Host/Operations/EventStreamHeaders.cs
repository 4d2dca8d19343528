namespace WorkflowEngine.Server.Operations;

/// <summary>
/// Server-Sent Events responses carry <c>X-Accel-Buffering: no</c>, which tells nginx (and proxies that follow it)
/// to pass the stream through unbuffered even where its site configuration does not say so.
/// </summary>
public static class EventStreamHeaders
{
    public static void UseEventStreamProxyHeaders(this WebApplication app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                if (http.Response.ContentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true)
                    http.Response.Headers["X-Accel-Buffering"] = "no";
                return Task.CompletedTask;
            });
            return next(http);
        });
}
