using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>An open time limit of a case: statutory, promised, or one step's own.</summary>
public sealed record Deadline(
    LimitKind Kind, string? TaskId, string? StepId, Period Period, DateOnly LastDay, DateTimeOffset DueAt, DateTimeOffset? WarnAt,
    bool Provisional, bool Paused, string? PauseReason, int PausedDays, int ExtensionAmount, string? FixedDate = null)
{
    /// <summary>The definition's text of the limit: its period (20wd), or for a fixed date “until:2026-08-31”.</summary>
    public string PeriodCode => FixedDate is null ? Period.ToString() : $"until:{LastDay:yyyy-MM-dd}";
    /// <summary>The limit in Chinese: “20个工作日”, or the fixed date's description (“每年8月31日前”).</summary>
    public string PeriodText => FixedDate ?? Period.ToChinese();
}
