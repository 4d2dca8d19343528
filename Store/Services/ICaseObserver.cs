using WorkflowEngine.Store.Notifications;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Store.Services;

/// <summary>Told after a change is committed: new alerts to push to supervisors, the earliest new timer to schedule.</summary>
public interface ICaseObserver
{
    void Committed(IReadOnlyList<AlertRecord> newAlerts, DateTimeOffset? earliestTimer);

    /// <summary>The work signals the committed change caused (tasks arrived, limits turned yellow or red).</summary>
    void Signalled(IReadOnlyList<WorkSignal> signals)
    {
    }
}
