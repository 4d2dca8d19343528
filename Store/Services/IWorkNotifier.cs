using System.Data.Common;

namespace WorkflowEngine.Store.Services;

/// <summary>What a notice is about.</summary>
public enum WorkNoticeKind { TaskUrged, CaseEscalated, TaskAssigned }

/// <summary>
/// One notice for the people who must act: an urge on a case or task (for the task's handlers), an escalation (for
/// <see cref="AddressedTo"/>), or a task handed to one person (<see cref="AddressedTo"/>: a transferee or an added signer).
/// <see cref="Role"/> and <see cref="AddressedTo"/> say who: a post's holders, or the one person.
/// </summary>
public sealed record WorkNotice(
    WorkNoticeKind Kind, string CaseId, string CaseNo, string CaseTitle, string? TaskId, string? StepName, string? Role, string? AddressedTo,
    string? UrgeId, string Message, DateTimeOffset? ReplyBy, DateTimeOffset At);

/// <summary>
/// The single place where hand-overs and supervision leave the write path for the people concerned (mail, webhook, live
/// stream). It is called inside the transaction that writes the case — an outbox row written through
/// <paramref name="transaction"/> commits or rolls back with it — and must not call out over the network itself.
/// </summary>
public interface IWorkNotifier
{
    Task NoticeAsync(WorkNotice notice, DbTransaction transaction, CancellationToken ct);
}

/// <summary>The default: no outbox is connected yet, so notices are not sent anywhere (the work lists and urge lists show them).</summary>
public sealed class NoWorkNotifier : IWorkNotifier
{
    public Task NoticeAsync(WorkNotice notice, DbTransaction transaction, CancellationToken ct) => Task.CompletedTask;
}
