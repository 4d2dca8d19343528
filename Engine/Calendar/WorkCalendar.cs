namespace WorkflowEngine.Engine.Calendar;

public enum DayKind { Workday, Weekend, Holiday, MakeUpWorkday }

/// <summary>The result of counting a period: its last day, the instant it falls due, and whether an unpublished year was involved.</summary>
public readonly record struct Period(DateOnly LastDay, DateTimeOffset DueAt, bool Provisional);

public sealed record Holiday(string Name, DateOnly First, DateOnly Last);

public sealed record CalendarYear(int Year, string Source, IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> MakeUpWorkdays);

/// <summary>STUB — implemented on the calendar branch.</summary>
public sealed class WorkCalendar
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static WorkCalendar Create(IEnumerable<CalendarYear> years, TimeOnly? closingTime = null) => throw new NotImplementedException();
    public WorkCalendar WithYear(CalendarYear year) => throw new NotImplementedException();
    public IReadOnlyCollection<int> LoadedYears => throw new NotImplementedException();
    public TimeOnly? ClosingTime => throw new NotImplementedException();
    public bool IsLoaded(int year) => throw new NotImplementedException();
    public DayKind GetDayKind(DateOnly date) => throw new NotImplementedException();
    public bool IsWorkingDay(DateOnly date) => throw new NotImplementedException();
    public static DateOnly LocalDate(DateTimeOffset instant) => throw new NotImplementedException();
    public DateTimeOffset DueInstant(DateOnly lastDay) => throw new NotImplementedException();
    public Period Add(DateTimeOffset start, Duration duration) => throw new NotImplementedException();
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive) => throw new NotImplementedException();
}
