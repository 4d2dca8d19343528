using WorkflowEngine.Engine.Calendar;

namespace WorkflowEngine.Tests.Calendar;

/// <summary>
/// A deliberately simple reference for the period rules: walks day by day, decides each day from the loaded
/// notices or <see cref="ProvisionalHolidays"/> directly, and records every year it had to look at.
/// </summary>
internal sealed class NaiveCalendar(IReadOnlyList<CalendarYear> loaded, TimeOnly? closingTime = null)
{
    public bool IsWorkingDay(DateOnly date)
    {
        var notice = loaded.FirstOrDefault(y => y.Year == date.Year);
        if (notice is not null && notice.MakeUpWorkdays.Contains(date)) return true;
        var holidays = notice?.Holidays ?? ProvisionalHolidays.For(date.Year);
        if (holidays.Any(h => h.First <= date && date <= h.Last)) return false;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    public PeriodEnd Add(DateTimeOffset start, Period duration)
    {
        var china = start.ToOffset(TimeSpan.FromHours(8));
        if (duration.Unit == PeriodUnit.Hours)
        {
            var due = china.AddHours(duration.Amount);
            return new PeriodEnd(DateOnly.FromDateTime(due.DateTime), due, false);
        }

        var day = DateOnly.FromDateTime(china.DateTime);
        var touched = new HashSet<int>();
        if (duration.Unit == PeriodUnit.WorkingDays)
        {
            for (var counted = 0; counted < duration.Amount;)
            {
                day = day.AddDays(1);
                touched.Add(day.Year);
                if (IsWorkingDay(day)) counted++;
            }
        }
        else
        {
            day = day.AddDays(duration.Amount);
            touched.Add(day.Year);
            while (!IsWorkingDay(day))
            {
                day = day.AddDays(1);
                touched.Add(day.Year);
            }
        }

        var dueAt = closingTime is { } closing
            ? new DateTimeOffset(day.ToDateTime(closing), TimeSpan.FromHours(8))
            : new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        return new PeriodEnd(day, dueAt, touched.Any(y => loaded.All(l => l.Year != y)));
    }

    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var count = 0;
        for (var d = fromExclusive.AddDays(1); d <= toInclusive; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }
}
