using System.Data.Common;

namespace WorkflowEngine.Store.Persistence;

/// <summary>A transaction on the write connection and the case rows it writes; rolled back unless committed.</summary>
public sealed class CaseTransaction : IAsyncDisposable
{
    private readonly WriteConnection _connection;
    private readonly DbTransaction _transaction;

    internal CaseTransaction(WriteConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        Rows = new CaseRows(connection, transaction, connection.Dialect);
    }

    internal CaseRows Rows { get; }

    public Task CommitAsync(CancellationToken ct) => _transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.DisposeAsync();
        }
        finally
        {
            _connection.Release();
        }
    }
}
