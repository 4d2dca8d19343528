using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Store.Services;

/// <summary>Told after a change is committed: new alerts to push to supervisors, the earliest new timer to schedule.</summary>
public interface ICaseObserver
{
    void Committed(IReadOnlyList<AlertRecord> newAlerts, DateTimeOffset? earliestTimer);
}
