using WorkflowEngine.Store.Notifications;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Notifications;

/// <summary>
/// Delivers the outbox: leases due rows to this node (one node per row, however many share the database), sends each over
/// its channel, and marks it delivered, or due again after a back-off (doubling from Notifications:RetrySeconds, at most an
/// hour) until Notifications:MaxAttempts. Woken by every commit that wrote notifications, and polls besides. Delivery
/// times are real time, whatever the case clock.
/// </summary>
public sealed class NotificationDispatcher(
    NotificationOutbox outbox, IEnumerable<INotificationSender> senders, NotificationOptions options, ILogger<NotificationDispatcher> logger)
    : BackgroundService, ICaseObserver
{
    private const int Batch = 20;
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly TimeProvider _real = TimeProvider.System;

    void ICaseObserver.Committed(IReadOnlyList<AlertRecord> newAlerts, DateTimeOffset? earliestTimer)
    {
    }

    void ICaseObserver.Signalled(IReadOnlyList<WorkSignal> signals) => Wake();

    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.AnyChannel) return;
        var byChannel = senders.ToDictionary(s => s.Channel);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                var rows = await outbox.ClaimAsync(_node, _real.GetUtcNow(), TimeSpan.FromSeconds(options.LeaseSeconds), Batch, stoppingToken);
                claimed = rows.Count;
                await Task.WhenAll(rows.Select(row => DeliverAsync(row, byChannel, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The notification outbox could not be read; trying again shortly");
            }
            if (claimed == Batch) continue;
            try
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(options.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(NotificationRecord row, IReadOnlyDictionary<string, INotificationSender> byChannel, CancellationToken ct)
    {
        try
        {
            if (!byChannel.TryGetValue(row.Channel, out var sender) || !Enabled(row.Channel))
                throw new InvalidOperationException($"The {row.Channel} channel is not configured.");
            await sender.SendAsync(row, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            var now = _real.GetUtcNow();
            var givenUp = row.Attempts >= options.MaxAttempts;
            var wait = TimeSpan.FromSeconds(Math.Min(3600, options.RetrySeconds * Math.Pow(2, Math.Max(0, row.Attempts - 1))));
            if (givenUp) logger.LogError(e, "Notification {Id} ({Channel}) not delivered after {Attempts} attempts; given up", row.Id, row.Channel, row.Attempts);
            else logger.LogWarning("Notification {Id} ({Channel}) attempt {Attempts} failed: {Error}; next in {Wait}", row.Id, row.Channel, row.Attempts, e.Message, wait);
            await outbox.FailedAsync(row.Id, e.Message, now + wait, givenUp ? now : null, CancellationToken.None);
            return;
        }
        // Between the send and this mark a crash leaves the row leased: it is sent again once the lease runs out. That second
        // copy carries the same id (Message-ID, Idempotency-Key), by which the receiver drops it.
        await outbox.DeliveredAsync(row.Id, _real.GetUtcNow(), CancellationToken.None);
    }

    private bool Enabled(string channel) => channel switch
    {
        NotificationChannels.Email => options.Smtp.Enabled,
        NotificationChannels.Webhook => options.Webhook.Enabled,
        _ => false,
    };
}
