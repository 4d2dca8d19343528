
namespace WorkflowEngine.Engine.Audit;

/// <summary>
/// One stored history entry: the event as text, linked to the one before it. <see cref="Hash"/> covers
/// every field and <see cref="PreviousHash"/>, so changing, removing or reordering an entry breaks the chain.
/// </summary>
public sealed record HistoryRecord(
    string CaseId, long Sequence, string Type, DateTimeOffset At, string ActorId, string ActorName,
    string? TaskId, string? StepId, string? ActionId, string? Opinion, string DataJson, string Summary,
    string PreviousHash, string Hash);

/// <summary>The result of verifying a chain: valid, or the first broken link and why.</summary>
public sealed record ChainVerification(bool Valid, int Checked, long? BrokenAtSequence, string? Reason)
{
    public static ChainVerification Ok(int count) => new(true, count, null, null);
}
