using WorkflowEngine.Engine.Calendar;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>How a due instant stands at a moment: the one rule behind every level and count of days left the product shows.</summary>
public static class DeadlineStanding
{
    /// <summary>Red once the limit has run out; yellow from the warning point the timers raise the yellow card at.</summary>
    public static DeadlineLevel Level(DateTimeOffset dueAt, DateTimeOffset? warnAt, DateTimeOffset now) =>
        now >= dueAt ? DeadlineLevel.Red : warnAt is { } warn && now >= warn ? DeadlineLevel.Yellow : DeadlineLevel.Normal;

    /// <summary>The last day of a period that falls due at <paramref name="dueAt"/> (24:00, or the office's closing time, of that day).</summary>
    public static DateOnly LastDayOf(DateTimeOffset dueAt) => WorkCalendar.LocalDate(dueAt.AddTicks(-1));

    public static int WorkingDaysLeft(WorkCalendar calendar, DateOnly lastDay, DateTimeOffset now) =>
        calendar.WorkingDaysLeft(WorkCalendar.LocalDate(now), lastDay);
}
