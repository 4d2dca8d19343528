using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using WorkflowEngine.Store.Notifications;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Notifications;

/// <summary>
/// A JSON POST to the configured URL (for 政务钉钉 / 企业微信 bridges), signed with HMAC-SHA256 of the body
/// (<see cref="WebhookSignature"/>), with the attempt's time and the notification's id as the idempotency key. Anything
/// but a 2xx answer is a failure, retried later.
/// </summary>
public sealed class WebhookSender(NotificationOptions options, HttpClient http) : INotificationSender
{
    public string Channel => NotificationChannels.Webhook;

    public async Task SendAsync(NotificationRecord notification, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(notification.PayloadJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(body, options.Webhook.Secret));
        request.Headers.Add(WebhookSignature.TimestampHeader, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.IdHeader, notification.Id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.SendTimeoutSeconds));
        using var response = await http.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.");
    }
}
