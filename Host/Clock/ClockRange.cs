using Microsoft.AspNetCore.Diagnostics;
using WorkflowEngine.Engine.Calendar;

namespace WorkflowEngine.Server.Clock;

/// <summary>A simulated clock may not leave the range the working-day calendar covers: beyond it no deadline can be counted.</summary>
public sealed class ClockRangeException(string message) : Exception(message);

public static class ClockRange
{
    /// <summary>The last instant the calendar covers: 24:00 China time of its last day.</summary>
    public static DateTimeOffset Last => new DateTimeOffset(WorkCalendar.MaxSupportedDate.ToDateTime(TimeOnly.MinValue), WorkCalendar.ChinaOffset).AddDays(1).AddTicks(-1);

    public static DateTimeOffset First => new(WorkCalendar.MinSupportedDate.ToDateTime(TimeOnly.MinValue), WorkCalendar.ChinaOffset);

    public static string Description => $"{WorkCalendar.MinSupportedDate:yyyy-MM-dd} 至 {WorkCalendar.MaxSupportedDate:yyyy-MM-dd}";

    /// <summary>Where <paramref name="from"/> + <paramref name="duration"/> lands, refused when it is past the calendar's range (or past any representable instant).</summary>
    public static DateTimeOffset Target(DateTimeOffset from, TimeSpan duration)
    {
        if (duration > Last - from)
            throw new ClockRangeException($"时钟不能越过工作日历的范围（{Description}，中国时间）：当前为 {from.ToOffset(WorkCalendar.ChinaOffset):yyyy-MM-dd HH:mm}，" +
                                          $"至多还能前进到 {WorkCalendar.MaxSupportedDate:yyyy-MM-dd} 24:00。");
        return from + duration;
    }

    public static void Check(DateTimeOffset instant, string setting)
    {
        if (instant < First || instant > Last)
            throw new ArgumentException($"{setting} 须在工作日历的范围内（{Description}），实际为 {instant.ToOffset(WorkCalendar.ChinaOffset):yyyy-MM-dd HH:mm}。");
    }
}

/// <summary>Turns a refused clock move into a 422 problem that says why, in Chinese.</summary>
public sealed class ClockRangeProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not ClockRangeException refused) return false;
        http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "超出工作日历范围",
                Detail = refused.Message,
            },
        });
    }
}
