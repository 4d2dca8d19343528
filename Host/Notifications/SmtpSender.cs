using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using WorkflowEngine.Store.Notifications;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Notifications;

/// <summary>E-mail over SMTP (MailKit). The Message-ID is the notification's id, so a mail system can drop a second copy.</summary>
public sealed class SmtpSender(NotificationOptions options) : INotificationSender
{
    public string Channel => NotificationChannels.Email;

    public static string MessageId(string notificationId, string from) =>
        $"{notificationId}@{(MailboxAddress.TryParse(from, out var address) && address.Domain.Length > 0 ? address.Domain : "workflow-engine")}";

    public async Task SendAsync(NotificationRecord notification, CancellationToken ct)
    {
        var smtp = options.Smtp;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(notification.Recipient ?? throw new InvalidOperationException("The notification has no address.")));
        message.Subject = notification.Subject;
        message.MessageId = MessageId(notification.Id, smtp.From);
        message.Date = notification.CreatedAt;
        message.Headers.Add("X-Workflow-Notification", notification.Id);
        message.Body = new TextPart("plain") { Text = notification.Body };

        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(options.SendTimeoutSeconds).TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    public static SecureSocketOptions Security(string value) =>
        Enum.TryParse<SecureSocketOptions>(value, ignoreCase: true, out var parsed) ? parsed
        : throw new ArgumentException($"Notifications:Smtp:Security 应为 None、StartTls、StartTlsWhenAvailable、SslOnConnect 或 Auto，实际为“{value}”。");
}
