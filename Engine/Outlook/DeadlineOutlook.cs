using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// One open time limit as it stands now: the case's statutory or promised limit, or a step's own.
/// <paramref name="Period"/> is the definition's text (20wd, 60d, 3mo); <paramref name="PeriodText"/> says it in Chinese.
/// <paramref name="WorkingDaysLeft"/> counts from today to the last day, negative once overdue. <paramref name="Party"/> names
/// whose time an <see cref="LimitKind.Outside"/> limit is (申请人, 第三方): it is not counted against the agency.
/// </summary>
public sealed record DeadlineOutlook(
    LimitKind Kind, string? TaskId, string? StepId, string? StepName, string Period, string PeriodText, string? Basis,
    DateOnly LastDay, DateTimeOffset DueAt, DateTimeOffset? WarnAt, DeadlineLevel Level, int WorkingDaysLeft, bool Provisional,
    bool Paused, string? PauseReason, int PausedDays, int ExtensionAmount, string? Party = null);
