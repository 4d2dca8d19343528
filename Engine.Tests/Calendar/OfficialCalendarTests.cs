using WorkflowEngine.Engine.Calendar;
using static WorkflowEngine.Tests.Calendar.CalendarFixtures;

namespace WorkflowEngine.Tests.Calendar;

public class OfficialCalendarTests
{
    private static readonly int[] Years = OfficialArrangements.Years;

    [Test]
    public void The_shipped_year_files_are_exactly_2024_to_2026_with_their_notice_titles()
    {
        Official.Select(y => y.Year).Should().Equal(2024, 2025, 2026);
        foreach (var year in Official) year.Source.Should().Be(OfficialArrangements.Source(year.Year));
        OfficialCalendar().LoadedYears.Should().Equal(2024, 2025, 2026);
    }

    [TestCaseSource(nameof(Years))]
    public void Every_day_of_the_year_has_the_kind_the_notice_gives(int year)
    {
        var calendar = OfficialCalendar();
        var wrong = new List<string>();
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            var expected = OfficialArrangements.ExpectedKind(date);
            var expectedWorking = expected is DayKind.Workday or DayKind.MakeUpWorkday;
            if (calendar.GetDayKind(date) != expected || calendar.IsWorkingDay(date) != expectedWorking)
                wrong.Add($"{date:yyyy-MM-dd}: {calendar.GetDayKind(date)}, expected {expected}");
        }
        wrong.Should().BeEmpty();
    }

    [TestCaseSource(nameof(Years))]
    public void Holiday_names_are_those_of_the_notice(int year)
    {
        var calendar = OfficialCalendar();
        foreach (var (date, name) in OfficialArrangements.OffDays(year))
            calendar.HolidayName(date).Should().Be(name, $"{date:yyyy-MM-dd}");
        calendar.HolidayName(new DateOnly(year, 3, 10)).Should().BeNull();
        foreach (var makeUp in OfficialArrangements.MakeUpDays(year)) calendar.HolidayName(makeUp).Should().BeNull();
    }

    [TestCaseSource(nameof(Years))]
    public void Each_file_is_in_the_canonical_layout_written_by_ToJson(int year)
    {
        var path = Path.Combine(CalendarsDirectory, $"{year}.json");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        CalendarYearFile.ToJson(CalendarYearFile.Parse(text, $"{year}.json")).Should().Be(text);
    }

    [Test]
    public void Year_2026_has_248_working_days()
    {
        // 261 weekdays − 19 weekday holidays + 6 make-up days.
        OfficialCalendar().WorkingDaysBetween(D("2025-12-31"), D("2026-12-31")).Should().Be(248);
    }

    [Test]
    public void GetYear_and_HolidaysOf_return_the_notice_for_loaded_years_and_the_model_otherwise()
    {
        var calendar = OfficialCalendar();
        calendar.GetYear(2026)!.Source.Should().Be(OfficialArrangements.Source(2026));
        calendar.GetYear(2027).Should().BeNull();
        calendar.HolidaysOf(2026).Should().HaveCount(7).And.Contain(h => h.Name == "春节" && h.First == D("2026-02-15"));
        calendar.HolidaysOf(2027).Should().BeEquivalentTo(ProvisionalHolidays.For(2027));
        calendar.IsLoaded(2026).Should().BeTrue();
        calendar.IsLoaded(2027).Should().BeFalse();
        calendar.IsLoaded(1800).Should().BeFalse();
    }
}
