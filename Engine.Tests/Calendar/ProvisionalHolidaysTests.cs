using WorkflowEngine.Engine.Calendar;
using static WorkflowEngine.Tests.Calendar.CalendarFixtures;

namespace WorkflowEngine.Tests.Calendar;

public class ProvisionalHolidaysTests
{
    private static IEnumerable<DateOnly> Days(IEnumerable<Holiday> holidays) =>
        holidays.SelectMany(h => Enumerable.Range(0, h.Last.DayNumber - h.First.DayNumber + 1).Select(h.First.AddDays));

    private static Holiday Named(int year, string name) => ProvisionalHolidays.For(year).Single(h => h.Name == name);

    [TestCase(2024)]
    [TestCase(2025)]
    [TestCase(2026)]
    public void Every_computed_statutory_holiday_is_an_official_day_off(int year)
    {
        var official = OfficialArrangements.OffDays(year);
        Days(ProvisionalHolidays.For(year)).Where(d => !official.ContainsKey(d)).Should().BeEmpty();
    }

    [Test]
    public void The_models_have_the_statutory_number_of_days()
    {
        Days(ProvisionalHolidays.For(2024)).Distinct().Should().HaveCount(11, "2013 rules");
        Days(ProvisionalHolidays.For(2025)).Distinct().Should().HaveCount(13, "2024 revision");
        Days(ProvisionalHolidays.For(2026)).Distinct().Should().HaveCount(13, "2024 revision");
        Days(ProvisionalHolidays.For(2020)).Distinct().Should().HaveCount(10, "中秋 fell on 国庆 in 2020");
    }

    [Test]
    public void Before_2025_new_years_eve_is_a_working_day_and_labour_day_is_one_day()
    {
        var days = Days(ProvisionalHolidays.For(2024)).ToHashSet();
        days.Should().NotContain(D("2024-02-09"));
        Named(2024, "春节").Should().Be(new Holiday("春节", D("2024-02-10"), D("2024-02-12")));
        Named(2024, "劳动节").Should().Be(new Holiday("劳动节", D("2024-05-01"), D("2024-05-01")));
    }

    [Test]
    public void From_2025_spring_festival_starts_on_new_years_eve_even_when_it_is_the_29th_of_the_twelfth_month()
    {
        // 2025: 正月初一 is 01-29 and 腊月 has 29 days, so 除夕 is 腊月廿九, 01-28.
        Named(2025, "春节").Should().Be(new Holiday("春节", D("2025-01-28"), D("2025-01-31")));
        Named(2026, "春节").Should().Be(new Holiday("春节", D("2026-02-16"), D("2026-02-19")));
        Named(2027, "春节").Should().Be(new Holiday("春节", D("2027-02-05"), D("2027-02-08")));
        Named(2025, "劳动节").Should().Be(new Holiday("劳动节", D("2025-05-01"), D("2025-05-02")));
    }

    [TestCase(2020, "2020-06-25", "2020-10-01", TestName = "2020, 闰四月 before 端午")]
    [TestCase(2023, "2023-06-22", "2023-09-29", TestName = "2023, 闰二月 before 端午")]
    [TestCase(2025, "2025-05-31", "2025-10-06", TestName = "2025, 闰六月 between 端午 and 中秋")]
    [TestCase(2017, "2017-05-30", "2017-10-04", TestName = "2017, 闰六月")]
    [TestCase(2028, "2028-05-28", "2028-10-03", TestName = "2028, 闰五月 right after 端午")]
    [TestCase(2026, "2026-06-19", "2026-09-25", TestName = "2026, no leap month")]
    public void Dragon_boat_and_mid_autumn_respect_the_leap_month(int year, string dragonBoat, string midAutumn)
    {
        Named(year, "端午节").First.Should().Be(D(dragonBoat));
        Named(year, "中秋节").First.Should().Be(D(midAutumn));
    }

    [TestCase("2008-04-04")]
    [TestCase("2015-04-05")]
    [TestCase("2019-04-05")]
    [TestCase("2020-04-04")]
    [TestCase("2023-04-05")]
    [TestCase("2024-04-04")]
    [TestCase("2025-04-04")]
    [TestCase("2026-04-05")]
    [TestCase("2027-04-05")]
    [TestCase("2028-04-04")]
    public void Qingming_is_the_day_of_the_solar_term(string date)
    {
        var expected = D(date);
        Named(expected.Year, "清明节").Should().Be(new Holiday("清明节", expected, expected));
    }

    [Test]
    public void National_day_and_new_year_are_fixed()
    {
        Named(2030, "国庆节").Should().Be(new Holiday("国庆节", D("2030-10-01"), D("2030-10-03")));
        Named(2030, "元旦").Should().Be(new Holiday("元旦", D("2030-01-01"), D("2030-01-01")));
    }

    [Test]
    public void The_model_is_in_calendar_order_and_covers_every_supported_year()
    {
        for (var year = 1901; year <= 2100; year++)
        {
            var holidays = ProvisionalHolidays.For(year);
            holidays.Should().HaveCount(7);
            holidays.Select(h => h.First).Should().BeInAscendingOrder();
            holidays.Should().OnlyContain(h => h.First.Year == year && h.Last.Year == year && h.First <= h.Last);
        }
    }

    [TestCase(1900)]
    [TestCase(2101)]
    public void Years_outside_the_supported_range_are_rejected(int year)
    {
        var act = () => ProvisionalHolidays.For(year);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage($"*{year}*1901*2100*");
    }

    [Test]
    public void An_unloaded_year_is_counted_with_its_model()
    {
        var calendar = OfficialCalendar();
        calendar.GetDayKind(D("2027-01-01")).Should().Be(DayKind.Holiday);
        calendar.GetDayKind(D("2027-02-05")).Should().Be(DayKind.Holiday, "除夕 2027");
        calendar.GetDayKind(D("2027-02-09")).Should().Be(DayKind.Workday, "初四");
        calendar.GetDayKind(D("2027-02-06")).Should().Be(DayKind.Holiday, "a holiday on a Saturday is a holiday");
        calendar.HolidayName(D("2027-02-05")).Should().Be("春节");
        calendar.GetDayKind(D("2023-01-21")).Should().Be(DayKind.Weekend, "除夕 2023 under the 2013 rules, a Saturday");
        calendar.GetDayKind(D("2023-01-20")).Should().Be(DayKind.Workday);
    }

    [Test]
    public void Coinciding_provisional_holidays_show_both_names()
    {
        // 2020: 中秋 fell on 10-01.
        var calendar = WorkCalendar.Create([]);
        calendar.HolidayName(D("2020-10-01")).Should().Be("中秋节、国庆节");
        calendar.HolidayName(D("2020-10-02")).Should().Be("国庆节");
    }
}
