using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace WorkflowEngine.Server.Security;

/// <summary>
/// Turns the framework's refusals of a request (malformed JSON, a wrong content type, a body too large, a value that does
/// not fit its parameter) into problem details with a Chinese message, so that no input yields a 500 or a bare status.
/// </summary>
public sealed class BadRequestProblems : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted) return false;
        var (status, detail) = Describe(bad);
        context.Response.Clear();
        await Results.Problem(title: "请求内容有误", detail: detail, statusCode: status).ExecuteAsync(context);
        return true;
    }

    private static (int Status, string Detail) Describe(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return (StatusCodes.Status413PayloadTooLarge, "请求正文过大，超过了服务允许的上限。");
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return (StatusCodes.Status415UnsupportedMediaType, "请求正文须为 JSON（Content-Type: application/json）。");
        if (Find<JsonException>(bad) is { } json)
            return (StatusCodes.Status400BadRequest, json.LineNumber is { } line
                ? $"请求正文不是有效的 JSON，或字段类型不符：第 {line + 1} 行第 {(json.BytePositionInLine ?? 0) + 1} 个字节附近（{json.Path ?? "$"}）。"
                : "请求正文不是有效的 JSON。");
        if (Find<System.Text.DecoderFallbackException>(bad) is not null)
            return (StatusCodes.Status400BadRequest, "请求正文不是有效的 UTF-8 文本。");
        return (bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest,
            "请求参数有误：缺少必需的参数，或参数的格式不对。");
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException) if (e is T found) return found;
        return null;
    }
}
