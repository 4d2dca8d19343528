namespace WorkflowEngine.Store.Notifications;

/// <summary>Outbound notifications (settings section <c>Notifications</c>); both channels are off until configured.</summary>
public sealed class NotificationOptions
{
    public SmtpOptions Smtp { get; set; } = new();
    public WebhookOptions Webhook { get; set; } = new();
    /// <summary>Attempts per notification before it is given up (marked failed and logged).</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>The wait before the first retry; it doubles with each failure, up to an hour.</summary>
    public double RetrySeconds { get; set; } = 30;
    /// <summary>How often the dispatcher looks for due notifications besides being woken by a commit.</summary>
    public double PollSeconds { get; set; } = 5;
    /// <summary>How long a node holds a claimed notification; a node that dies lets it go after this.</summary>
    public double LeaseSeconds { get; set; } = 120;
    /// <summary>How long one delivery (SMTP dialogue or webhook request) may take.</summary>
    public double SendTimeoutSeconds { get; set; } = 30;

    public bool AnyChannel => Smtp.Enabled || Webhook.Enabled;
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public string From { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    /// <summary>None, StartTls, StartTlsWhenAvailable, SslOnConnect or Auto.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

public sealed class WebhookOptions
{
    public string Url { get; set; } = "";
    /// <summary>The shared secret the body is signed with (HMAC-SHA256); required when <see cref="Url"/> is set.</summary>
    public string Secret { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>The outbox's channel names.</summary>
public static class NotificationChannels
{
    public const string Email = "email";
    public const string Webhook = "webhook";
}
