using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// With synchronous=FULL the write connection commits without flushing and flushes the WAL file after passing the
/// connection on: a writer is answered by that flush, and no other connection runs with the lowered setting. The
/// connection keeps its groups' savepoint journals in memory.
/// </summary>
public class WalFlushTests
{
    [Test]
    public async Task A_writer_is_answered_after_the_WAL_is_flushed_and_no_pooled_connection_keeps_the_lowered_setting()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var writes = host.Services.GetRequiredService<WriteConnection>();
        await StoreAsync(writes, "first");
        (await writes.SettingAsync("synchronous", CancellationToken.None)).Should().Be(1, "the write connection commits with NORMAL and flushes itself");
        (await writes.SettingAsync("temp_store", CancellationToken.None)).Should().Be(2, "a group's savepoint journal stays in memory");
        var flushed = writes.Flushes;
        flushed.Should().BeGreaterThan(0, "the commit answered its writer only after a flush of the WAL file");

        await StoreAsync(writes, "second");
        writes.Flushes.Should().BeGreaterThan(flushed, "every answered writer waited for a flush begun after its commit");

        // The write connection closes, as after a failed commit; the connections readers open next must flush as SQLite does.
        await writes.DisposeAsync();
        var contexts = host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        for (var i = 0; i < 3; i++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            (await Synchronous(db.Database.GetDbConnection())).Should().Be(2, "synchronous=FULL, as configured");
        }
        await StoreAsync(writes, "third");
        writes.Flushes.Should().BeGreaterThan(0, "the reopened write connection flushes again");
    }

    [Test]
    public async Task A_writer_whose_WAL_flush_fails_is_told_its_write_failed()
    {
        var database = WorkflowHost.NewDatabase();
        await using var host = new WorkflowHost(database);
        var writes = host.Services.GetRequiredService<WriteConnection>();
        await StoreAsync(writes, "first");

        // SQLite goes on writing the file it has open; the flush, which opens the WAL by its name, no longer finds it.
        File.Move(database + "-wal", database + "-wal.away");
        try
        {
            await FluentActions.Awaiting(() => StoreAsync(writes, "second")).Should().ThrowAsync<IOException>();
        }
        finally
        {
            File.Move(database + "-wal.away", database + "-wal");
        }
    }

    private static async Task StoreAsync(WriteConnection writes, string name)
    {
        await using var transaction = await writes.BeginAsync(CancellationToken.None);
        await transaction.Rows.StoreBlobAsync(name, [1], CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task<long> Synchronous(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
