using System.Globalization;
using WorkflowEngine.Engine.Calendar;

namespace WorkflowEngine.Tests.Calendar;

internal static class CalendarFixtures
{
    private static readonly Lazy<IReadOnlyList<CalendarYear>> OfficialYears =
        new(() => CalendarYearFile.LoadDirectory(CalendarsDirectory));

    /// <summary>The folder holding WorkflowEngine.sln, found by walking up from the test output folder.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "WorkflowEngine.sln"))) return dir.FullName;
            throw new InvalidOperationException("WorkflowEngine.sln not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    public static string CalendarsDirectory => Path.Combine(RepositoryRoot, "Definitions", "calendars");

    /// <summary>The year files shipped in Definitions/calendars (2024–2026).</summary>
    public static IReadOnlyList<CalendarYear> Official => OfficialYears.Value;

    public static WorkCalendar OfficialCalendar(TimeOnly? closingTime = null) => WorkCalendar.Create(Official, closingTime);

    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Noon of <paramref name="date"/> in China.</summary>
    public static DateTimeOffset At(string isoDate) => At(D(isoDate));

    public static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(12, 0)), WorkCalendar.ChinaOffset);

    public static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static Period Dur(string text) => Period.Parse(text);

    public static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), WorkCalendar.ChinaOffset);
}
