using System.Globalization;

namespace WorkflowEngine.Engine.Calendar;

/// <summary>Which part of a <see cref="CalendarYear"/> a problem is about, so a file reader can point at the line.</summary>
internal enum YearPart { Year, Source, HolidayName, HolidayFrom, HolidayTo, Workday }

internal readonly record struct YearProblem(YearPart Part, int Index, string Message);

/// <summary>The consistency rules every year's arrangement must satisfy, whether read from a file or built in code.</summary>
internal static class CalendarYearRules
{
    public static YearProblem? FindProblem(CalendarYear calendarYear)
    {
        var year = calendarYear.Year;
        if (!CalendarRange.ContainsYear(year))
            return new(YearPart.Year, 0, $"年份 {year} 超出支持范围（{CalendarRange.FirstYear} 至 {CalendarRange.LastYear} 年）");
        if (string.IsNullOrWhiteSpace(calendarYear.Source))
            return new(YearPart.Source, 0, "缺少通知名称（source）");

        var offDays = new Dictionary<DateOnly, string>();
        for (var i = 0; i < calendarYear.Holidays.Count; i++)
        {
            var holiday = calendarYear.Holidays[i];
            if (holiday is null) return new(YearPart.HolidayName, i, "放假安排不能为空");
            if (string.IsNullOrWhiteSpace(holiday.Name)) return new(YearPart.HolidayName, i, "放假安排缺少节日名称（name）");
            if (holiday.First.Year != year) return new(YearPart.HolidayFrom, i, NotInYear(holiday.First, year));
            if (holiday.Last.Year != year) return new(YearPart.HolidayTo, i, NotInYear(holiday.Last, year));
            if (holiday.First > holiday.Last)
                return new(YearPart.HolidayTo, i,
                    $"“{holiday.Name}”的放假起始日 {Format(holiday.First)} 晚于结束日 {Format(holiday.Last)}");
            for (var date = holiday.First; date <= holiday.Last; date = date.AddDays(1))
            {
                if (offDays.TryGetValue(date, out var other))
                    return new(YearPart.HolidayFrom, i, $"日期 {Format(date)} 重复：已在“{other}”中放假，又出现在“{holiday.Name}”中");
                offDays.Add(date, holiday.Name);
            }
        }

        var workdays = new HashSet<DateOnly>();
        for (var i = 0; i < calendarYear.MakeUpWorkdays.Count; i++)
        {
            var date = calendarYear.MakeUpWorkdays[i];
            if (date.Year != year) return new(YearPart.Workday, i, NotInYear(date, year));
            if (!workdays.Add(date)) return new(YearPart.Workday, i, $"调休上班日 {Format(date)} 重复出现");
            if (offDays.TryGetValue(date, out var name))
                return new(YearPart.Workday, i, $"日期 {Format(date)} 既是放假日（{name}）又是调休上班日");
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                return new(YearPart.Workday, i, $"调休上班日 {Format(date)} 是{ChineseDayOfWeek(date)}，本来就是工作日，只有周六、周日才需要调休上班");
        }
        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="calendarYear"/> breaks a rule.</summary>
    public static void Validate(CalendarYear calendarYear, string paramName)
    {
        ArgumentNullException.ThrowIfNull(calendarYear, paramName);
        if (calendarYear.Holidays is null || calendarYear.MakeUpWorkdays is null)
            throw new ArgumentException($"{calendarYear.Year} 年日历数据有误：放假安排和调休上班日不能为 null。", paramName);
        if (FindProblem(calendarYear) is { } problem)
            throw new ArgumentException($"{calendarYear.Year} 年日历数据有误：{problem.Message}。", paramName);
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string NotInYear(DateOnly date, int year) => $"日期 {Format(date)} 不在 {year} 年内";

    private static string ChineseDayOfWeek(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        DayOfWeek.Friday => "星期五",
        DayOfWeek.Saturday => "星期六",
        _ => "星期日",
    };
}
