namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// A writer's part of a transaction on the write connection and the case rows it writes; rolled back unless committed.
/// Committing returns once the work is durable: with group commit, once the shared transaction it joined is.
/// </summary>
public sealed class CaseTransaction : IAsyncDisposable
{
    private readonly WriteConnection _connection;
    private readonly WriteGroup _group;
    private readonly bool _saved;
    private bool _finished;

    /// <param name="saved">Whether this writer's work began at a savepoint (writers ahead of it in the group committed).</param>
    internal CaseTransaction(WriteConnection connection, WriteGroup group, bool saved)
    {
        _connection = connection;
        _group = group;
        _saved = saved;
        Rows = new CaseRows(connection, group.Transaction, connection.Dialect);
    }

    internal CaseRows Rows { get; }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (_finished) throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        _finished = true;
        try
        {
            if (_saved) await _connection.Statement("RELEASE writer", _group.Transaction, []).ExecuteNonQueryAsync(CancellationToken.None);
            _group.Committed++;
        }
        catch (Exception e)
        {
            _group.Broken = e;
        }
        await _connection.FinishAsync(_group);
        await _group.Durable;
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished) return;
        _finished = true;
        if (!_saved)
        {
            // Nothing of the others is in the transaction: all of it is this writer's.
            await _connection.FinishAsync(_group, rollBack: true);
            return;
        }
        try
        {
            await _connection.Statement("ROLLBACK TO writer", _group.Transaction, []).ExecuteNonQueryAsync(CancellationToken.None);
            await _connection.Statement("RELEASE writer", _group.Transaction, []).ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            _group.Broken = e;
        }
        await _connection.FinishAsync(_group);
    }
}
