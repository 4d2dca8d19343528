using Npgsql;
using WorkflowEngine.Store.Notifications;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Notifications;

/// <summary>
/// On PostgreSQL: listens for the work signals any node commits (NOTIFY in the causing transaction) and hands them to this
/// node's <see cref="WorkStream"/>. The connection is reopened when it drops.
/// </summary>
public sealed class PostgresWorkListener(string connectionString, WorkStream stream, ILogger<PostgresWorkListener> logger) : IHostedService
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _listening;

    /// <summary>Returns once this node is listening, so that no signal committed after start is missed.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var connection = await ListenAsync(ct);
        _listening = Task.Run(() => LoopAsync(connection, _stop.Token), CancellationToken.None);
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) =>
        {
            try
            {
                stream.Publish(WorkSignalPayload.Read(e.Payload));
            }
            catch (System.Text.Json.JsonException ex)
            {
                logger.LogWarning(ex, "A work notification could not be read");
            }
        };
        await using var listen = new NpgsqlCommand($"LISTEN {StoreChannels.Work}", connection);
        await listen.ExecuteNonQueryAsync(ct);
        return connection;
    }

    private async Task LoopAsync(NpgsqlConnection? connection, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                connection ??= await ListenAsync(ct);
                await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The work notification connection dropped; listening again in a second");
                if (connection is not null) await connection.DisposeAsync();
                connection = null;
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        if (connection is not null) await connection.DisposeAsync();
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stop.CancelAsync();
        if (_listening is not null)
            await _listening.WaitAsync(ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }
}
