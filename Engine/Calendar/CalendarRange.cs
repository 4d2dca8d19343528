using System.Globalization;

namespace WorkflowEngine.Engine.Calendar;

/// <summary>
/// The days the calendar can answer for: from the first day <see cref="ChineseLunisolarCalendar"/> supports
/// (needed for the provisional 春节/端午/中秋) to the end of 2100.
/// </summary>
internal static class CalendarRange
{
    public const int FirstYear = 1901;
    public const int LastYear = 2100;
    public const int YearCount = LastYear - FirstYear + 1;

    public static readonly DateOnly FirstDate = new(1901, 2, 19);
    public static readonly DateOnly LastDate = new(2100, 12, 31);
    public static readonly int FirstDayNumber = FirstDate.DayNumber;
    public static readonly int DayCount = LastDate.DayNumber - FirstDayNumber + 1;

    public static string Description => $"{FirstDate:yyyy-MM-dd} 至 {LastDate:yyyy-MM-dd}";

    public static bool ContainsYear(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>Offset of the date in the day tables, or -1 when outside the range.</summary>
    public static int OffsetOf(DateOnly date)
    {
        var offset = date.DayNumber - FirstDayNumber;
        return (uint)offset < (uint)DayCount ? offset : -1;
    }

    public static DateOnly DateAt(int offset) => DateOnly.FromDayNumber(FirstDayNumber + offset);

    public static int YearAt(int offset) => DateAt(offset).Year;

    public static int RequireOffset(DateOnly date, string paramName)
    {
        var offset = OffsetOf(date);
        if (offset < 0) throw DateOutside(date, paramName);
        return offset;
    }

    public static void RequireYear(int year, string paramName)
    {
        if (!ContainsYear(year))
            throw new ArgumentOutOfRangeException(paramName, year,
                $"年份 {year} 超出工作日历支持范围（{FirstYear} 至 {LastYear} 年）。");
    }

    public static ArgumentOutOfRangeException DateOutside(DateOnly date, string paramName) =>
        new(paramName, date, $"日期 {date:yyyy-MM-dd} 超出工作日历支持范围（{Description}）。");
}
