using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// The one connection that this node's case writes go through, kept open with each statement prepared once.
/// SQLite takes one writer at a time anyway; queuing writers here rather than in its lock spares the busy-retry
/// sleeps and the re-preparing of every statement in every transaction. On SQLite the writers queued behind each other
/// also share one transaction (group commit): each writer's work is a savepoint in it, and one COMMIT makes the whole
/// group durable before any of them is told it committed, so a writer waits for one disk flush instead of one per writer
/// ahead of it; that flush is done after the connection is passed on (<see cref="WalFlusher"/>). On PostgreSQL every
/// node has its own write connection, each writer its own transaction, and the case version decides between nodes
/// (optimistic concurrency).
/// </summary>
public sealed class WriteConnection(IDbContextFactory<WorkflowDbContext> dbFactory, ChainKeyRing keys, StoreDialect dialect = StoreDialect.Sqlite)
    : IAsyncDisposable
{
    public StoreDialect Dialect => dialect;

    /// <summary>The keys that sign every case anchor written through this connection.</summary>
    public ChainKeyRing Keys => keys;

    /// <summary>How many writers one transaction takes before it commits, bounding the wait of the first of them.</summary>
    private const int GroupLimit = 16;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, DbCommand> _statements = new(StringComparer.Ordinal);
    private WorkflowDbContext? _context;
    private DbConnection? _connection;
    private WriteGroup? _group;
    private WalFlusher? _flusher;
    private string? _pooledConnectionString;
    private int _waiting;

    /// <summary>WAL flushes that answered writers since the connection was opened (none unless synchronous=FULL on SQLite).</summary>
    internal long Flushes => _flusher?.Flushes ?? 0;

    /// <summary>Writers queued for the connection.</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// Waits for the connection and begins this writer's part of a transaction on it (BEGIN IMMEDIATE on SQLite, or a
    /// savepoint in the transaction the writer ahead of it left open).
    /// </summary>
    public async Task<CaseTransaction> BeginAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _waiting);
        // Not cancellable: the writer ahead may have left its transaction open for this one, which must then finish it.
        await _gate.WaitAsync(CancellationToken.None);
        Interlocked.Decrement(ref _waiting);
        if (ct.IsCancellationRequested) await PassAsync(failed: false);
        ct.ThrowIfCancellationRequested();
        try
        {
            if (_group is null)
            {
                var connection = _connection ?? await OpenAsync(ct);
                _group = new WriteGroup(await connection.BeginTransactionAsync(ct));
            }
        }
        catch
        {
            await PassAsync(failed: true);
            throw;
        }
        var group = _group;
        group.Members++;
        var saved = group.Committed > 0;
        if (saved)
        {
            try
            {
                await Statement("SAVEPOINT writer", group.Transaction, []).ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                group.Broken = e;
                await FinishAsync(group);
                throw;
            }
        }
        return new CaseTransaction(this, group, saved);
    }

    /// <summary>Gives up a turn that did no work: the open transaction, if any, goes on as if this writer had not come.</summary>
    private async Task PassAsync(bool failed)
    {
        if (_group is { } open)
        {
            await FinishAsync(open);
            return;
        }
        // The connection may be unusable: the next writer starts on a new one.
        if (failed) await ResetAsync();
        _gate.Release();
    }

    /// <summary>
    /// Ends a writer's turn: leaves the transaction open for the next writer in the queue, or commits (or rolls back)
    /// the group and releases the connection. Whether the group became durable is told by <see cref="WriteGroup.Durable"/>.
    /// </summary>
    internal async Task FinishAsync(WriteGroup group, bool rollBack = false)
    {
        if (!rollBack && group.Broken is null && dialect == StoreDialect.Sqlite && group.Members < GroupLimit && Waiting > 0)
        {
            _gate.Release();
            return;
        }
        _group = null;
        try
        {
            if (group.Broken is not null) throw group.Broken;
            if (rollBack || group.Committed == 0) await group.Transaction.RollbackAsync(CancellationToken.None);
            else await group.Transaction.CommitAsync(CancellationToken.None);
            await group.Transaction.DisposeAsync();
            if (_flusher is not null && group.Committed > 0 && !rollBack) _flusher.Flush(group);
            else group.Succeed();
        }
        catch (Exception e)
        {
            // The connection may be unusable: the next writer starts on a new one.
            group.Fail(e);
            await ResetAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The prepared statement for <paramref name="sql"/> with these parameter values, in the transaction.</summary>
    internal DbCommand Statement(string sql, DbTransaction transaction, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = _connection!.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            _statements[sql] = command;
        }
        command.Transaction = transaction;
        for (var i = 0; i < parameters.Count; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        return command;
    }

    /// <summary>
    /// Opened through EF Core so that the connection gets the provider's per-connection settings. On SQLite it is the
    /// writers' own, never pooled: it may commit with synchronous=NORMAL (see <see cref="WalFlusher"/>), and no other
    /// user of the file may inherit that setting from a pool.
    /// </summary>
    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        _context = await dbFactory.CreateDbContextAsync(ct);
        if (dialect == StoreDialect.Sqlite)
        {
            _pooledConnectionString = _context.Database.GetConnectionString();
            _context.Database.SetConnectionString(_pooledConnectionString + ";Pooling=False");
        }
        await _context.Database.OpenConnectionAsync(ct);
        _connection = _context.Database.GetDbConnection();
        if (dialect == StoreDialect.Sqlite)
        {
            // A group's savepoint journal (the pages each writer changed, to roll that writer back alone) stays in memory:
            // past 64 kB SQLite would spill it to a temporary file, created and deleted again for every group.
            await _context.Database.ExecuteSqlRawAsync("PRAGMA temp_store=MEMORY", ct);
            _flusher = await WalFlusher.CreateAsync(_connection, ct);
        }
        return _connection;
    }

    /// <summary>A setting of the write connection as SQLite reports it (<c>PRAGMA <paramref name="name"/></c>).</summary>
    internal async Task<long> SettingAsync(string name, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var connection = _connection ?? await OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.Transaction = _group?.Transaction;
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask ResetAsync()
    {
        foreach (var command in _statements.Values) await command.DisposeAsync();
        _statements.Clear();
        if (_context is not null)
        {
            if (_connection is not null) await _connection.CloseAsync();
            await _context.Database.CloseConnectionAsync();
            // The context goes back to EF Core's pool as it came.
            if (_pooledConnectionString is not null) _context.Database.SetConnectionString(_pooledConnectionString);
            await _context.DisposeAsync();
        }
        _connection = null;
        _context = null;
        _flusher = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        _group?.Fail(new ObjectDisposedException(nameof(WriteConnection)));
        _group = null;
        await ResetAsync();
        _gate.Release();
    }
}
