using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// Group commit on SQLite: writers queued behind each other share one transaction, each in a savepoint of its own, and
/// none is told it committed before the one COMMIT that makes the group durable.
/// </summary>
public class GroupCommitTests
{
    [Test]
    public async Task Queued_writers_share_one_commit_a_failing_one_leaves_nothing_and_the_first_waits_for_the_last()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var writes = host.Services.GetRequiredService<WriteConnection>();
        var first = await writes.BeginAsync(CancellationToken.None);
        await first.Rows.StoreBlobAsync("first", [1], CancellationToken.None);

        var holdLast = new TaskCompletionSource();
        // Each writer is queued for the connection by the time its call returns (BeginAsync counts it before it waits).
        var failing = Failing();
        var last = Last();
        async Task Failing()
        {
            await using var transaction = await writes.BeginAsync(CancellationToken.None);
            await transaction.Rows.StoreBlobAsync("failing", [2], CancellationToken.None);
            throw new InvalidOperationException("失败的写入");
        }
        async Task Last()
        {
            await using var transaction = await writes.BeginAsync(CancellationToken.None);
            await transaction.Rows.StoreBlobAsync("last", [3], CancellationToken.None);
            await holdLast.Task;
            await transaction.CommitAsync(CancellationToken.None);
        }
        writes.Waiting.Should().BeGreaterThanOrEqualTo(2);

        var firstCommit = first.CommitAsync(CancellationToken.None);
        await Task.Delay(300);
        firstCommit.IsCompleted.Should().BeFalse("the first writer's work is durable only with the COMMIT of the writers queued behind it");
        (await Blobs(host)).Should().BeEmpty("nothing of the group is visible to readers before its COMMIT");

        holdLast.SetResult();
        await last.WaitAsync(TimeSpan.FromSeconds(30));
        await firstCommit.WaitAsync(TimeSpan.FromSeconds(30));
        await FluentActions.Awaiting(() => failing).Should().ThrowAsync<InvalidOperationException>();
        (await Blobs(host)).Should().BeEquivalentTo(["first", "last"], "the failing writer's savepoint was rolled back, the others' work kept");
        await first.DisposeAsync();

        await using (var next = await writes.BeginAsync(CancellationToken.None))
        {
            await next.Rows.StoreBlobAsync("next", [4], CancellationToken.None);
            await next.CommitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        }
        (await Blobs(host)).Should().Contain("next", "a writer alone commits at once");
    }

    [Test]
    public async Task A_writer_cancelled_while_queued_gives_up_its_turn_and_the_open_group_still_commits()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var writes = host.Services.GetRequiredService<WriteConnection>();
        var first = await writes.BeginAsync(CancellationToken.None);
        await first.Rows.StoreBlobAsync("first", [1], CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = writes.BeginAsync(cancel.Token);
        writes.Waiting.Should().BeGreaterThanOrEqualTo(1);
        cancel.Cancel();

        await first.CommitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();
        (await Blobs(host)).Should().Equal("first");
        await first.DisposeAsync();
    }

    private static async Task<List<string>> Blobs(WorkflowHost host)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<string>("SELECT sha256 AS \"Value\" FROM file_blobs WHERE size < 8 ORDER BY sha256").ToListAsync();
    }
}
