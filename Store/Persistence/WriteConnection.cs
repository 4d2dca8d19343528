using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// The one connection that this node's case writes go through, kept open with each statement prepared once.
/// SQLite takes one writer at a time anyway; queuing writers here rather than in its lock spares the busy-retry
/// sleeps and the re-preparing of every statement in every transaction. On PostgreSQL every node has its own
/// write connection and the case version decides between nodes (optimistic concurrency).
/// </summary>
public sealed class WriteConnection(IDbContextFactory<WorkflowDbContext> dbFactory, ChainKeyRing keys, StoreDialect dialect = StoreDialect.Sqlite)
    : IAsyncDisposable
{
    public StoreDialect Dialect => dialect;

    /// <summary>The keys that sign every case anchor written through this connection.</summary>
    public ChainKeyRing Keys => keys;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, DbCommand> _statements = new(StringComparer.Ordinal);
    private WorkflowDbContext? _context;
    private DbConnection? _connection;

    /// <summary>Waits for the connection and begins a transaction on it (BEGIN IMMEDIATE on SQLite).</summary>
    public async Task<CaseTransaction> BeginAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var connection = _connection ?? await OpenAsync(ct);
            return new CaseTransaction(this, await connection.BeginTransactionAsync(ct));
        }
        catch
        {
            // The connection may be unusable: the next writer starts on a new one.
            await ResetAsync();
            _gate.Release();
            throw;
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

    internal void Release() => _gate.Release();

    /// <summary>Opened through EF Core so that the connection gets the provider's per-connection settings.</summary>
    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        _context = await dbFactory.CreateDbContextAsync(ct);
        await _context.Database.OpenConnectionAsync(ct);
        return _connection = _context.Database.GetDbConnection();
    }

    private async ValueTask ResetAsync()
    {
        foreach (var command in _statements.Values) await command.DisposeAsync();
        _statements.Clear();
        if (_context is not null)
        {
            await _context.Database.CloseConnectionAsync();
            await _context.DisposeAsync();
        }
        _connection = null;
        _context = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        await ResetAsync();
        _gate.Release();
    }
}
