using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// Everything a case allows and how it stands, for one viewer at one instant: the open tasks with what the viewer may do
/// on each, every deadline, whether the application may be withdrawn, and the documents issued, the urges, whether the
/// viewer may urge the case (<see cref="UrgeRight"/>), and in a batch case the items. The API serves it and the
/// UI renders it; the rules behind it are the runtime's own gates (WorkflowRuntime.Describe).
/// </summary>
public sealed record CaseOutlook(
    string CaseId, long Version, CaseStatus Status, IReadOnlyList<TaskOutlook> Tasks, IReadOnlyList<DeadlineOutlook> Deadlines,
    DeadlineOutlook? CaseDeadline, Permission Withdraw, IReadOnlyList<DocumentOutlook> Documents, IReadOnlyList<UrgeOutlook> Urges,
    IReadOnlyList<MaterialOutlook>? Materials = null, BatchOutlook? Batch = null)
{
    /// <summary>Whether the viewer may urge (督办) the case now.</summary>
    public required Permission Urge { get; init; }

    /// <summary>Whether the viewer may attach files to the case's materials (<see cref="MaterialUploadRight"/>).</summary>
    public required Permission UploadMaterials { get; init; }
}

/// <summary>An urge or escalation on the case, with whether the viewer may answer it now.</summary>
public sealed record UrgeOutlook(Urge Urge, Permission Answer);
