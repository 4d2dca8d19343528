using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>The stable names of a case's timers; a key names one limit and level of one case, so alerts are raised once.</summary>
public static class TimerKeys
{
    public static string CaseLimit(LimitKind kind, DeadlineLevel level) => $"{JsonNames.Of(kind)}:{Level(level)}";
    public static string StepLimit(string taskId, DeadlineLevel level) => $"step:{taskId}:{Level(level)}";
    public static string Timeout(string taskId) => $"timeout:{taskId}";
    public static string WaitEnd(string taskId) => $"wait:{taskId}";
    public static string UrgeDue(string urgeId) => $"urge:{urgeId}";

    public static string Level(DeadlineLevel level) => level == DeadlineLevel.Yellow ? "warning" : "overdue";
}
