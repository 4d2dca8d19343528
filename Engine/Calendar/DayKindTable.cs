namespace WorkflowEngine.Engine.Calendar;

/// <summary>Builds the per-day <see cref="DayKind"/> table over the supported range: provisional model, then loaded notices on top.</summary>
internal static class DayKindTable
{
    private static readonly Lazy<byte[]> ProvisionalTable = new(BuildProvisional);

    /// <summary>A fresh table for the given loaded years; years not given keep the provisional model.</summary>
    public static byte[] Build(IEnumerable<CalendarYear> loadedYears)
    {
        var kinds = (byte[])ProvisionalTable.Value.Clone();
        foreach (var year in loadedYears) Apply(kinds, year);
        return kinds;
    }

    private static byte[] BuildProvisional()
    {
        var kinds = new byte[CalendarRange.DayCount];
        for (var offset = 0; offset < kinds.Length; offset++) kinds[offset] = (byte)WeekKind(CalendarRange.DateAt(offset));
        for (var year = CalendarRange.FirstYear; year <= CalendarRange.LastYear; year++)
            foreach (var holiday in ProvisionalHolidays.For(year))
                Mark(kinds, holiday.First, holiday.Last, DayKind.Holiday);
        return kinds;
    }

    private static void Apply(byte[] kinds, CalendarYear year)
    {
        var first = new DateOnly(year.Year, 1, 1);
        var last = new DateOnly(year.Year, 12, 31);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var offset = CalendarRange.OffsetOf(date);
            if (offset >= 0) kinds[offset] = (byte)WeekKind(date);
        }
        foreach (var holiday in year.Holidays) Mark(kinds, holiday.First, holiday.Last, DayKind.Holiday);
        foreach (var workday in year.MakeUpWorkdays) Mark(kinds, workday, workday, DayKind.MakeUpWorkday);
    }

    private static void Mark(byte[] kinds, DateOnly first, DateOnly last, DayKind kind)
    {
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var offset = CalendarRange.OffsetOf(date);
            if (offset >= 0) kinds[offset] = (byte)kind;
        }
    }

    private static DayKind WeekKind(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.Workday;
}
