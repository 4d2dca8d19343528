using System.Globalization;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Server.Api;
using WorkflowEngine.Server.Configuration;

namespace WorkflowEngine.Server.Cli;

/// <summary>
/// <c>deadline --from DATE[THH:MM] --add N(wd|d|h)</c>: prints the last day (yyyy-MM-dd), or the due instant for
/// hours, followed by " provisional" when an unpublished year was involved; then a line explaining it.
/// </summary>
public static class DeadlineVerb
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? from = null, add = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--from") from = args[i + 1];
            else if (args[i] == "--add") add = args[i + 1];
        }
        if (!Periods.TryParseStart(from, out var start) || !Period.TryParse(add, out var duration))
        {
            error.WriteLine("用法：deadline --from 2026-02-13[T09:30] --add 5wd|7d|2h");
            return 2;
        }
        var definitions = RepositoryPaths.Definitions(new WorkflowOptions());
        var calendar = WorkCalendar.Create(CalendarYearFile.LoadDirectory(Path.Combine(definitions, "calendars")));
        var period = calendar.Add(start, duration);
        var first = duration.Unit == PeriodUnit.Hours
            ? period.DueAt.ToOffset(WorkCalendar.ChinaOffset).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)
            : period.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        output.WriteLine(period.Provisional ? first + " provisional" : first);
        output.WriteLine($"自 {WorkCalendar.LocalDate(start):yyyy-MM-dd} 起 {duration.ToChinese()}，" +
            $"于 {period.DueAt.ToOffset(WorkCalendar.ChinaOffset):yyyy-MM-dd HH:mm} 届满" +
            (period.Provisional ? "（涉及尚未公布放假安排的年份，为暂定期限）" : "") + "。");
        return 0;
    }
}
