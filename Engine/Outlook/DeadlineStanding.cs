using WorkflowEngine.Engine.Calendar;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>How a due instant stands at a moment: the one rule behind every level and count of days left the product shows.</summary>
public static class DeadlineStanding
{
    /// <summary>Red once the limit has run out; yellow from the warning point the timers raise the yellow card at.</summary>
    public static DeadlineLevel Level(DateTimeOffset dueAt, DateTimeOffset? warnAt, DateTimeOffset now) =>
        now >= dueAt ? DeadlineLevel.Red : warnAt is { } warn && now >= warn ? DeadlineLevel.Yellow : DeadlineLevel.Normal;

    /// <summary>
    /// The on-time rule (按时办结): a case is late once any of its limits — the statutory or the promised limit of the case,
    /// or a step's own — went red while it was open. Given the due instants open just before a change at
    /// <paramref name="now"/>, returns when the first of them ran out, or null when none has.
    /// </summary>
    public static DateTimeOffset? WentRedAt(IEnumerable<DateTimeOffset> openDueInstants, DateTimeOffset now) =>
        openDueInstants.Where(due => Level(due, null, now) == DeadlineLevel.Red).Select(due => (DateTimeOffset?)due).Min();

    /// <summary>The last day of a period that falls due at <paramref name="dueAt"/> (24:00, or the office's closing time, of that day).</summary>
    public static DateOnly LastDayOf(DateTimeOffset dueAt) => WorkCalendar.LocalDate(dueAt.AddTicks(-1));

    public static int WorkingDaysLeft(WorkCalendar calendar, DateOnly lastDay, DateTimeOffset now) =>
        calendar.WorkingDaysLeft(WorkCalendar.LocalDate(now), lastDay);
}
