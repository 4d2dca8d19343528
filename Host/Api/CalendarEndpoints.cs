using System.Globalization;
using System.Security.Claims;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Store.Services;
using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

public static class CalendarEndpoints
{
    public static void MapCalendar(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Calendar");

        group.MapGet("/deadline", (string? from, string? add, CalendarService calendars) =>
        {
            if (!Periods.TryParseStart(from, out var start)) return Problems.BadRequest("参数 from 应为 1901 至 2100 年间的日期 yyyy-MM-dd 或时刻 yyyy-MM-ddTHH:mm。");
            if (!Period.TryParse(add, out var duration)) return Problems.BadRequest("参数 add 应为时限，如 5wd（工作日）、7d（自然日）、2h（小时）。");
            PeriodEnd period;
            try
            {
                period = calendars.Current.Add(start, duration);
            }
            catch (ArgumentOutOfRangeException)
            {
                return Results.Problem(title: "超出工作日历范围", statusCode: StatusCodes.Status422UnprocessableEntity,
                    detail: $"从 {from} 起算 {duration.ToChinese()} 超出工作日历支持的范围（1901 至 2100 年）。");
            }
            return Results.Ok(new
            {
                dueDate = period.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                dueAt = period.DueAt,
                provisional = period.Provisional,
            });
        });

        group.MapGet("", async (CalendarService calendars, CancellationToken ct) =>
            Results.Ok((await calendars.StoredYearsAsync(ct)).Select(y => new { y.Year, y.Source, y.LoadedAt, y.LoadedBy })));

        group.MapGet("/{year:int}", (int year, CalendarService calendars) =>
        {
            if (year < 1902 || year > 2100) return Problems.BadRequest("年份应在 1902 到 2100 之间。");
            var calendar = calendars.Current;
            var first = new DateOnly(year, 1, 1);
            var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(first.AddDays).Select(d => new
            {
                date = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                kind = calendar.GetDayKind(d).ToString().ToLowerInvariant(),
                working = calendar.IsWorkingDay(d),
                holiday = calendar.HolidayName(d),
            });
            return Results.Ok(new { year, loaded = calendar.IsLoaded(year), source = calendar.GetYear(year)?.Source, holidays = calendar.HolidaysOf(year), days });
        });

        group.MapPut("/{year:int}", async (int year, HttpRequest request, CalendarService calendars, RuntimeProvider runtimes, ClaimsPrincipal user, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            CalendarYear parsed;
            try
            {
                parsed = CalendarYearFile.Parse(await reader.ReadToEndAsync(ct), $"{year}.json");
            }
            catch (CalendarFormatException e)
            {
                return Results.Problem(title: "日历文件有误", detail: e.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
            }
            if (parsed.Year != year) return Problems.BadRequest($"地址中的年份 {year} 与文件中的年份 {parsed.Year} 不一致。");
            var result = await calendars.LoadYearAsync(parsed, user.ToActor().Id, runtimes, ct);
            return Results.Ok(result);
        }).RequireAuthorization(Policies.ProcessOwner);
    }
}

public static class Periods
{
    /// <summary>
    /// A date (start of that day) or a moment, read in China time unless an offset is given, within the working-day
    /// calendar's years (1901–2100): a date outside them cannot be counted from and is refused like a malformed one.
    /// </summary>
    public static bool TryParseStart(string? text, out DateTimeOffset start) =>
        TryParse(text, out start) && start.Year is >= 1901 and <= 2100;

    private static bool TryParse(string? text, out DateTimeOffset start)
    {
        start = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            start = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), WorkCalendar.ChinaOffset);
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(text))
        {
            start = withOffset;
            return true;
        }
        if (DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            start = new DateTimeOffset(local, WorkCalendar.ChinaOffset);
            return true;
        }
        return false;
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d\d:\d\d$");
}
