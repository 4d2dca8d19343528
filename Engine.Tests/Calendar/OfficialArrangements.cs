using System.Globalization;
using WorkflowEngine.Engine.Calendar;

namespace WorkflowEngine.Tests.Calendar;

/// <summary>
/// The State Council notices for 2024–2026, typed in independently of <c>Definitions/calendars/*.json</c> so that a
/// mistake in a file shows up as a test failure.
/// </summary>
internal static class OfficialArrangements
{
    public static readonly int[] Years = [2024, 2025, 2026];

    // name: month-day ranges off; then the make-up working days.
    private static readonly Dictionary<int, (string Off, string MakeUp)> Table = new()
    {
        [2024] = ("元旦 01-01; 春节 02-10..02-17; 清明节 04-04..04-06; 劳动节 05-01..05-05; 端午节 06-10; 中秋节 09-15..09-17; 国庆节 10-01..10-07",
                  "02-04 02-18 04-07 04-28 05-11 09-14 09-29 10-12"),
        [2025] = ("元旦 01-01; 春节 01-28..02-04; 清明节 04-04..04-06; 劳动节 05-01..05-05; 端午节 05-31..06-02; 国庆节、中秋节 10-01..10-08",
                  "01-26 02-08 04-27 09-28 10-11"),
        [2026] = ("元旦 01-01..01-03; 春节 02-15..02-23; 清明节 04-04..04-06; 劳动节 05-01..05-05; 端午节 06-19..06-21; 中秋节 09-25..09-27; 国庆节 10-01..10-07",
                  "01-04 02-14 02-28 05-09 09-20 10-10"),
    };

    /// <summary>Every day off of the year with the holiday's name.</summary>
    public static IReadOnlyDictionary<DateOnly, string> OffDays(int year)
    {
        var days = new Dictionary<DateOnly, string>();
        foreach (var entry in Table[year].Off.Split("; "))
        {
            var (name, range) = (entry.Split(' ')[0], entry.Split(' ')[1]);
            var ends = range.Split("..");
            var first = Day(year, ends[0]);
            var last = ends.Length == 2 ? Day(year, ends[1]) : first;
            for (var d = first; d <= last; d = d.AddDays(1)) days.Add(d, name);
        }
        return days;
    }

    public static IReadOnlySet<DateOnly> MakeUpDays(int year) =>
        Table[year].MakeUp.Split(' ').Select(md => Day(year, md)).ToHashSet();

    public static string Source(int year) => $"国务院办公厅关于{year}年部分节假日安排的通知";

    public static DayKind ExpectedKind(DateOnly date)
    {
        if (OffDays(date.Year).ContainsKey(date)) return DayKind.Holiday;
        if (MakeUpDays(date.Year).Contains(date)) return DayKind.MakeUpWorkday;
        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.Workday;
    }

    private static DateOnly Day(int year, string monthDay) =>
        DateOnly.ParseExact($"{year}-{monthDay}", "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
