using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Notifications;

/// <summary>Delivers one outbox row over one channel; throws when it was not delivered.</summary>
public interface INotificationSender
{
    string Channel { get; }
    Task SendAsync(NotificationRecord notification, CancellationToken ct);
}
