namespace WorkflowEngine.Engine.Cases;

public enum UrgeKind { Urge, Escalation }

/// <summary>
/// A supervisor's urge (督办/催办) on a case or one of its tasks, or an escalation (升级督办) addressed to a leader; open until
/// answered. <see cref="Late"/> is set when <see cref="ReplyBy"/> passed without an answer.
/// </summary>
public sealed record Urge(
    string Id, UrgeKind Kind, string? TaskId, string ById, string ByName, string Message, DateTimeOffset At, DateTimeOffset ReplyBy,
    string? AddressedTo = null, string? AddressedName = null, string? Answer = null, string? AnsweredById = null, string? AnsweredByName = null,
    DateTimeOffset? AnsweredAt = null, bool Late = false)
{
    public bool IsOpen => AnsweredAt is null;
}
