using System.Globalization;

namespace WorkflowEngine.Engine.Calendar;

/// <summary>Gregorian dates of days of the Chinese lunisolar (农历) year that begins in a given Gregorian year.</summary>
internal static class LunarDates
{
    /// <summary>The Gregorian date of lunar <paramref name="month"/> (1–12, never the leap month) day <paramref name="day"/> of lunar year <paramref name="lunarYear"/>.</summary>
    public static DateOnly ToGregorian(int lunarYear, int month, int day)
    {
        var calendar = new ChineseLunisolarCalendar();
        // GetLeapMonth returns the 1-based index of the leap month inside the year (闰四月 → 5): that month and every
        // later one sit one index further on, so lunar month 5 is index 6 in a year with 闰四月 or an earlier leap month.
        var leapIndex = calendar.GetLeapMonth(lunarYear);
        var index = leapIndex != 0 && month >= leapIndex ? month + 1 : month;
        return DateOnly.FromDateTime(calendar.ToDateTime(lunarYear, index, day, 0, 0, 0, 0));
    }

    /// <summary>正月初一 of the lunar year that begins in Gregorian <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year) => ToGregorian(year, 1, 1);

    /// <summary>除夕, the last day of the preceding lunar year (腊月三十, or 廿九 in a short 腊月).</summary>
    public static DateOnly NewYearsEve(int year) => NewYear(year).AddDays(-1);
}
