using System.Data.Common;

namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// One database transaction shared by the writers that queued behind each other (group commit): each writer's work is
/// a savepoint in it, and every writer that committed its savepoint learns from <see cref="Durable"/> whether the one
/// COMMIT that made them all durable succeeded.
/// </summary>
internal sealed class WriteGroup(DbTransaction transaction)
{
    private readonly TaskCompletionSource _durable = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DbTransaction Transaction => transaction;

    /// <summary>Writers whose work is in the transaction, to be made durable together.</summary>
    public int Committed { get; set; }

    /// <summary>Writers that have taken part, committed or not: a group takes only so many before it commits.</summary>
    public int Members { get; set; }

    /// <summary>Why the transaction can no longer be committed, if it cannot.</summary>
    public Exception? Broken { get; set; }

    /// <summary>Completes when the group's COMMIT is on disk; faults with the reason when it is not.</summary>
    public Task Durable => _durable.Task;

    public void Succeed() => _durable.TrySetResult();

    public void Fail(Exception reason) => _durable.TrySetException(reason);
}
