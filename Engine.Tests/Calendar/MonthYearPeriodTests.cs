using WorkflowEngine.Engine.Calendar;
using static WorkflowEngine.Tests.Calendar.CalendarFixtures;

namespace WorkflowEngine.Tests.Calendar;

/// <summary>Periods in months and years (民法典第二百零二条): the corresponding day, or the month's last day.</summary>
public class MonthYearPeriodTests
{
    private readonly WorkCalendar _calendar = OfficialCalendar();

    [TestCase("2026-03-16", "1mo", "2026-04-16")]
    [TestCase("2026-03-31", "1mo", "2026-04-30", TestName = "The 31st plus a month is the last day of a 30-day month")]
    [TestCase("2026-01-31", "1mo", "2026-02-28", TestName = "The last day of February, a make-up working Saturday in 2026, is not rolled")]
    [TestCase("2026-09-01", "1mo", "2026-10-08", TestName = "A month ending on 国庆 rolls to the first working day after it")]
    [TestCase("2026-03-02", "3mo", "2026-06-02")]
    [TestCase("2024-02-29", "1y", "2025-02-28", TestName = "A year from 29 February ends on 28 February")]
    [TestCase("2024-03-16", "2y", "2026-03-16")]
    public void A_month_or_year_period_ends_on_the_corresponding_day(string start, string duration, string lastDay)
    {
        var period = _calendar.Add(At(start), Dur(duration));
        period.LastDay.Should().Be(D(lastDay));
        period.DueAt.Should().Be(Midnight(D(lastDay).AddDays(1)));
        period.Provisional.Should().BeFalse();
    }

    [Test]
    public void A_year_into_an_unpublished_year_is_provisional()
    {
        _calendar.Add(At("2026-06-01"), Dur("1y")).Provisional.Should().BeTrue();
    }

    [TestCase("3mo", 3, PeriodUnit.Months, "3个月")]
    [TestCase("1y", 1, PeriodUnit.Years, "1年")]
    public void Months_and_years_are_written_mo_and_y(string text, int amount, PeriodUnit unit, string chinese)
    {
        Period.TryParse(text, out var d).Should().BeTrue();
        d.Should().Be(new Period(amount, unit));
        d.ToString().Should().Be(text);
        d.ToChinese().Should().Be(chinese);
        Period.TryParse("3m", out _).Should().BeFalse("a bare m would be read as minutes by some and months by others");
    }
}
