using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Alerts;

/// <summary>
/// On PostgreSQL: listens for the alerts any node stores (NOTIFY in the storing transaction, so only committed alerts
/// arrive) and hands them to this node's <see cref="AlertBroadcaster"/>, so a supervisor sees every alert live
/// whichever node raised it. The connection is reopened when it drops.
/// </summary>
public sealed class PostgresAlertListener(
    string connectionString, AlertBroadcaster broadcaster, IDbContextFactory<WorkflowDbContext> dbFactory, ILogger<PostgresAlertListener> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly Channel<long[]> _received = Channel.CreateUnbounded<long[]>();
    private readonly CancellationTokenSource _stop = new();
    private NpgsqlConnection? _connection;
    private Task? _listening;
    private Task? _publishing;

    /// <summary>Returns once this node is listening, so that no alert committed after start is missed.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        _connection = await ListenAsync(ct);
        _listening = Task.Run(() => ListenLoopAsync(_stop.Token), CancellationToken.None);
        _publishing = Task.Run(() => PublishLoopAsync(_stop.Token), CancellationToken.None);
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) =>
        {
            var ids = e.Payload.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id > 0).ToArray();
            if (ids.Length > 0) _received.Writer.TryWrite(ids);
        };
        await using var listen = new NpgsqlCommand($"LISTEN {StoreChannels.Alerts}", connection);
        await listen.ExecuteNonQueryAsync(ct);
        return connection;
    }

    private async Task ListenLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                _connection ??= await ListenAsync(ct);
                await _connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The alert notification connection dropped; listening again in a second");
                if (_connection is not null) await _connection.DisposeAsync();
                _connection = null;
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task PublishLoopAsync(CancellationToken ct)
    {
        try
        {
            while (await _received.Reader.WaitToReadAsync(ct))
            {
                var ids = new List<long>();
                while (_received.Reader.TryRead(out var batch)) ids.AddRange(batch);
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(ct);
                    var alerts = await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct);
                    broadcaster.Publish(alerts);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not read the notified alerts {Ids}", string.Join(",", ids));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stop.CancelAsync();
        _received.Writer.TryComplete();
        foreach (var task in new[] { _listening, _publishing })
            if (task is not null) await task.WaitAsync(ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _stop.Dispose();
    }
}
