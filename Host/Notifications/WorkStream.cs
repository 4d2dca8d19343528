using System.Threading.Channels;
using WorkflowEngine.Store.Notifications;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Notifications;

/// <summary>
/// Each signed-in user's live stream (GET /api/me/stream): the work signals that concern them — a task for a post they hold
/// (or assigned to them) arrived, turned yellow or red, or was urged. On PostgreSQL the signals reach every node through the
/// database (NOTIFY in the causing transaction, <see cref="PostgresWorkListener"/>), so this node's own commits are not pushed twice.
/// </summary>
public sealed class WorkStream(bool relayedByDatabase = false) : ICaseObserver
{
    private sealed record Subscriber(string UserId, IReadOnlyCollection<string> Roles, Channel<WorkSignal> Channel);

    private readonly object _lock = new();
    private readonly List<Subscriber> _subscribers = [];

    public ChannelReader<WorkSignal> Subscribe(string userId, IReadOnlyCollection<string> roles, CancellationToken until)
    {
        var subscriber = new Subscriber(userId, roles,
            Channel.CreateBounded<WorkSignal>(new BoundedChannelOptions(500) { FullMode = BoundedChannelFullMode.DropOldest }));
        lock (_lock) _subscribers.Add(subscriber);
        until.Register(() =>
        {
            lock (_lock) _subscribers.Remove(subscriber);
            subscriber.Channel.Writer.TryComplete();
        });
        return subscriber.Channel.Reader;
    }

    void ICaseObserver.Committed(IReadOnlyList<Store.Persistence.Records.AlertRecord> newAlerts, DateTimeOffset? earliestTimer)
    {
    }

    void ICaseObserver.Signalled(IReadOnlyList<WorkSignal> signals)
    {
        if (!relayedByDatabase) Publish(signals);
    }

    public void Publish(IReadOnlyList<WorkSignal> signals)
    {
        if (signals.Count == 0) return;
        List<Subscriber> subscribers;
        lock (_lock) subscribers = [.. _subscribers];
        foreach (var signal in signals)
            foreach (var s in subscribers.Where(s => signal.Concerns(s.UserId, s.Roles)))
                s.Channel.Writer.TryWrite(signal);
    }
}
