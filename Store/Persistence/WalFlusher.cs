using System.Data.Common;
using System.Globalization;

namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// Makes SQLite write groups durable outside the write connection's turn. The connection commits with
/// synchronous=NORMAL, which writes the group's pages to the WAL file without flushing it; one flush of that file then
/// makes every group committed before it durable. A writer learns that its group committed only after the flush, so an
/// answered command is on disk exactly as with synchronous=FULL, while the next group already writes during the flush.
/// Other connections may read a group in the moment between its commit and its flush; no writer is answered in it.
/// </summary>
internal sealed class WalFlusher(string walPath)
{
    private readonly Lock _lock = new();
    private List<WriteGroup> _committed = [];
    private bool _flushing;
    private long _flushes;

    /// <summary>Flushes finished so far.</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>
    /// A flusher for the write connection when it runs with synchronous=FULL on a WAL file, having switched it to NORMAL;
    /// with any other setting SQLite's own commit already says all there is to say, and there is none.
    /// </summary>
    public static async Task<WalFlusher?> CreateAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        if (!"wal".Equals(await command.ExecuteScalarAsync(ct) as string, StringComparison.OrdinalIgnoreCase)) return null;
        command.CommandText = "PRAGMA synchronous";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) != FullSynchronous) return null;
        command.CommandText = "PRAGMA synchronous=NORMAL";
        await command.ExecuteNonQueryAsync(ct);
        return new WalFlusher(connection.DataSource + "-wal");
    }

    /// <summary>SQLite's number for synchronous=FULL.</summary>
    private const long FullSynchronous = 2;

    /// <summary>Completes <paramref name="group"/> once a flush that began after its commit has finished.</summary>
    public void Flush(WriteGroup group)
    {
        lock (_lock)
        {
            _committed.Add(group);
            if (_flushing) return;
            _flushing = true;
        }
        _ = Task.Run(FlushCommitted);
    }

    private void FlushCommitted()
    {
        while (true)
        {
            List<WriteGroup> groups;
            lock (_lock)
            {
                if (_committed.Count == 0)
                {
                    _flushing = false;
                    return;
                }
                (groups, _committed) = (_committed, []);
            }
            try
            {
                // Opened for each flush: the WAL file is the one SQLite writes now, whatever happened to it before.
                using (var wal = File.OpenHandle(walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
                    RandomAccess.FlushToDisk(wal);
                Interlocked.Increment(ref _flushes);
                foreach (var group in groups) group.Succeed();
            }
            catch (Exception e)
            {
                foreach (var group in groups) group.Fail(e);
            }
        }
    }
}
