using FsCheck;
using FsCheck.Fluent;
using WorkflowEngine.Engine.Calendar;
using static WorkflowEngine.Tests.Calendar.CalendarFixtures;

namespace WorkflowEngine.Tests.Calendar;

/// <summary>Properties over random starts in 2024–2030 (2024–2026 loaded, later years provisional) and amounts 0..400.</summary>
public class PeriodPropertyTests
{
    private static readonly WorkCalendar Calendar = OfficialCalendar();
    private static readonly WorkCalendar ClosingCalendar = OfficialCalendar(new TimeOnly(17, 30));
    private static readonly NaiveCalendar Reference = new(Official);
    private static readonly NaiveCalendar ClosingReference = new(Official, new TimeOnly(17, 30));

    private static readonly DateOnly FirstStart = new(2024, 1, 1);
    private static readonly DateOnly LastStart = new(2030, 12, 31);

    private static readonly Gen<DateTimeOffset> Starts =
        from day in Gen.Choose(FirstStart.DayNumber, LastStart.DayNumber)
        from minute in Gen.Choose(0, 24 * 60 - 1)
        from offsetHours in Gen.Elements(8, 8, 0, -5, 9)
        select new DateTimeOffset(DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue).AddMinutes(minute), TimeSpan.FromHours(offsetHours));

    private static readonly Gen<int> Amounts = Gen.Choose(0, 400);

    private static readonly Arbitrary<(DateTimeOffset Start, int N, int M)> Cases =
        (from start in Starts from n in Amounts from m in Amounts select (start, n, m)).ToArbitrary();

    private static Period Wd(int n) => new(n, PeriodUnit.WorkingDays);

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property Working_day_periods_compose() => Prop.ForAll(Cases, c =>
    {
        var first = Calendar.Add(c.Start, Wd(c.N));
        var second = Calendar.Add(At(first.LastDay), Wd(c.M));
        return second.LastDay == Calendar.Add(c.Start, Wd(c.N + c.M)).LastDay;
    });

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property Working_days_between_the_start_and_the_last_day_is_n() => Prop.ForAll(Cases, c =>
        Calendar.WorkingDaysBetween(WorkCalendar.LocalDate(c.Start), Calendar.Add(c.Start, Wd(c.N)).LastDay) == c.N);

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property A_calendar_day_period_ends_on_the_first_working_day_from_start_plus_n() => Prop.ForAll(Cases, c =>
    {
        var nominal = WorkCalendar.LocalDate(c.Start).AddDays(c.N);
        var last = Calendar.Add(c.Start, new Period(c.N, PeriodUnit.CalendarDays)).LastDay;
        return Calendar.IsWorkingDay(last) && last >= nominal && Calendar.WorkingDaysBetween(nominal.AddDays(-1), last.AddDays(-1)) == 0;
    });

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property Results_agree_with_the_day_by_day_reference() => Prop.ForAll(Cases, c =>
    {
        foreach (var unit in new[] { PeriodUnit.WorkingDays, PeriodUnit.CalendarDays, PeriodUnit.Hours })
        {
            var duration = new Period(c.N, unit);
            if (Calendar.Add(c.Start, duration) != Reference.Add(c.Start, duration)) return false;
            if (ClosingCalendar.Add(c.Start, duration) != ClosingReference.Add(c.Start, duration)) return false;
        }
        var from = WorkCalendar.LocalDate(c.Start);
        var to = from.AddDays(c.M - 200);
        return Calendar.WorkingDaysBetween(from, to) == Reference.WorkingDaysBetween(from, to);
    });

    [Test]
    public void Every_start_from_late_2023_to_early_2031_agrees_with_the_reference_for_short_periods()
    {
        var mismatches = new List<string>();
        for (var day = new DateOnly(2023, 12, 1); day <= new DateOnly(2031, 1, 31); day = day.AddDays(1))
        {
            var start = At(day);
            for (var n = 0; n <= 12; n++)
            {
                foreach (var duration in new[] { new Period(n, PeriodUnit.WorkingDays), new Period(n, PeriodUnit.CalendarDays) })
                {
                    var actual = Calendar.Add(start, duration);
                    var expected = Reference.Add(start, duration);
                    if (actual != expected) mismatches.Add($"{day:yyyy-MM-dd} + {duration}: {actual}, expected {expected}");
                }
            }
        }
        mismatches.Should().BeEmpty();
    }

    [Test]
    public void Every_day_of_the_whole_range_has_the_kind_the_reference_gives()
    {
        var wrong = new List<string>();
        for (var day = WorkCalendar.MinSupportedDate; day <= WorkCalendar.MaxSupportedDate; day = day.AddDays(1))
            if (Calendar.IsWorkingDay(day) != Reference.IsWorkingDay(day)) wrong.Add($"{day:yyyy-MM-dd}");
        wrong.Should().BeEmpty();
    }
}
