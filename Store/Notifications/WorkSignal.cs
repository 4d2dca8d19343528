namespace WorkflowEngine.Store.Notifications;

/// <summary>What a handler is told about: work arrived, a limit warns or ran out, a supervisor urged.</summary>
public static class WorkSignalKinds
{
    public const string Arrived = "task-arrived";
    public const string Yellow = "task-yellow";
    public const string Red = "task-red";
    public const string Urged = "task-urged";
}

/// <summary>
/// A piece of news for the holders of a post (<see cref="Role"/>), or for one person when <see cref="UserId"/> is set:
/// a task arrived, its limit (or the case's) turned yellow or red, or it was urged. Made in the transaction of the change
/// that causes it; pushed to the handlers' live streams once committed and written to the outbox for mail and webhooks.
/// </summary>
public sealed record WorkSignal(
    string Kind, string CaseId, string CaseNo, string CaseTitle, string DefinitionId, string? TaskId, string? StepName, string Role,
    string? UserId, DateTimeOffset? DueAt, DateTimeOffset At, string? Message = null)
{
    public bool Concerns(string userId, IReadOnlyCollection<string> roles) =>
        UserId is { } only ? only == userId : roles.Contains(Role);
}
