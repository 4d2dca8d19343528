using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Store.Notifications;

/// <summary>
/// The outbox's own transactions, on the write connection: leasing due rows to a node, marking them delivered or failed,
/// and enqueueing signals that no case write carries (an urge made elsewhere).
/// </summary>
public sealed class NotificationOutbox(WriteConnection writes, NotificationPlanner planner)
{
    public async Task<IReadOnlyList<NotificationRecord>> ClaimAsync(string node, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(ct);
        var claimed = await transaction.Rows.ClaimNotificationsAsync(node, now, now + lease, limit, ct);
        await transaction.CommitAsync(ct);
        return claimed;
    }

    public async Task DeliveredAsync(string id, DateTimeOffset at, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(ct);
        await transaction.Rows.MarkNotificationDeliveredAsync(id, at, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task FailedAsync(string id, string error, DateTimeOffset next, DateTimeOffset? givenUpAt, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(ct);
        await transaction.Rows.MarkNotificationFailedAsync(id, error.Length > 2000 ? error[..2000] : error, next, givenUpAt, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Writes the outbox rows of <paramref name="signals"/> in a transaction of their own; returns how many.</summary>
    public async Task<int> EnqueueAsync(IReadOnlyList<WorkSignal> signals, DateTimeOffset now, CancellationToken ct)
    {
        var rows = planner.Plan(signals, now);
        if (rows.Count == 0) return 0;
        await using var transaction = await writes.BeginAsync(ct);
        foreach (var row in rows) await transaction.Rows.InsertNotificationAsync(row, ct);
        await transaction.CommitAsync(ct);
        return rows.Count;
    }
}
