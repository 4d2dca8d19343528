namespace WorkflowEngine.Store.Persistence.Records;

/// <summary>
/// A row of the notification outbox: written in the transaction of the case change that causes it, delivered once by
/// whichever node claims it (a lease), marked when delivered. <see cref="Id"/> is stable: it is the e-mail's Message-ID and
/// the webhook's idempotency key, so a receiver drops the rare second copy sent across a crash between sending and marking.
/// </summary>
public sealed class NotificationRecord
{
    public required string Id { get; set; }
    public required string Kind { get; set; }
    public required string Channel { get; set; }
    public required string UserId { get; set; }
    /// <summary>The e-mail address (e-mail channel).</summary>
    public string? Recipient { get; set; }
    public required string CaseId { get; set; }
    public string? TaskId { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>The webhook's JSON body, exactly as signed and sent.</summary>
    public required string PayloadJson { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }
}
