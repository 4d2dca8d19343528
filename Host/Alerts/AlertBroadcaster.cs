using System.Threading.Channels;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Alerts;

/// <summary>
/// Pushes each newly stored alert to every supervisor connected to this node's alert stream (Server-Sent Events).
/// On PostgreSQL the alerts come through the database (<see cref="PostgresAlertListener"/>) from whichever node raised
/// them, this one included, so the commits of this node are not pushed a second time.
/// </summary>
public sealed class AlertBroadcaster(bool relayedByDatabase = false) : ICaseObserver
{
    private readonly object _lock = new();
    private readonly List<Channel<AlertRecord>> _subscribers = [];

    public ChannelReader<AlertRecord> Subscribe(CancellationToken until)
    {
        var channel = Channel.CreateBounded<AlertRecord>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock) _subscribers.Add(channel);
        until.Register(() =>
        {
            lock (_lock) _subscribers.Remove(channel);
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    public void Committed(IReadOnlyList<AlertRecord> newAlerts, DateTimeOffset? earliestTimer)
    {
        if (!relayedByDatabase) Publish(newAlerts);
    }

    public void Publish(IReadOnlyList<AlertRecord> newAlerts)
    {
        if (newAlerts.Count == 0) return;
        List<Channel<AlertRecord>> subscribers;
        lock (_lock) subscribers = [.. _subscribers];
        foreach (var alert in newAlerts)
            foreach (var s in subscribers) s.Writer.TryWrite(alert);
    }
}
