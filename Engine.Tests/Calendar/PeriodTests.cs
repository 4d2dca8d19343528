using WorkflowEngine.Engine.Calendar;
using static WorkflowEngine.Tests.Calendar.CalendarFixtures;

namespace WorkflowEngine.Tests.Calendar;

public class PeriodTests
{
    private WorkCalendar _calendar = null!;

    [OneTimeSetUp]
    public void LoadCalendar() => _calendar = OfficialCalendar();

    private PeriodEnd Add(string startDate, string duration) => _calendar.Add(At(startDate), Dur(duration));

    private static PeriodEnd Final(string lastDay) => new(D(lastDay), Midnight(D(lastDay).AddDays(1)), false);

    private static PeriodEnd Provisional(string lastDay) => Final(lastDay) with { Provisional = true };

    // ---- working days ----

    [Test]
    public void The_start_day_is_not_counted() =>
        Add("2026-03-06", "1wd").Should().Be(Final("2026-03-09"), "Friday + 1 working day is Monday");

    [TestCase("2026-03-06", "5wd", "2026-03-13")]
    [TestCase("2026-03-09", "1wd", "2026-03-10")]
    [TestCase("2026-03-02", "10wd", "2026-03-16")]
    public void Working_days_skip_weekends(string start, string duration, string lastDay) =>
        Add(start, duration).Should().Be(Final(lastDay));

    [TestCase("2026-03-07", "1wd", "2026-03-09", TestName = "start on a Saturday")]
    [TestCase("2026-03-08", "1wd", "2026-03-09", TestName = "start on a Sunday")]
    [TestCase("2026-10-03", "1wd", "2026-10-08", TestName = "start inside 国庆")]
    [TestCase("2026-10-03", "3wd", "2026-10-10", TestName = "start inside 国庆, through the make-up Saturday")]
    [TestCase("2026-02-16", "1wd", "2026-02-24", TestName = "start inside 春节")]
    [TestCase("2026-01-01", "1wd", "2026-01-04", TestName = "start on 元旦, make-up Sunday next")]
    public void A_start_on_a_rest_day_counts_from_the_next_working_day(string start, string duration, string lastDay) =>
        Add(start, duration).Should().Be(Final(lastDay));

    [Test]
    public void A_make_up_saturday_is_a_working_day()
    {
        Add("2026-02-13", "1wd").Should().Be(Final("2026-02-14"));
        Add("2026-02-13", "2wd").Should().Be(Final("2026-02-24"));
        Add("2026-02-13", "5wd").Should().Be(Final("2026-02-27"));
        Add("2026-02-27", "1wd").Should().Be(Final("2026-02-28"));
    }

    [Test]
    public void Zero_working_days_end_on_the_start_date_itself()
    {
        Add("2026-03-06", "0wd").Should().Be(Final("2026-03-06"));
        Add("2026-03-07", "0wd").Should().Be(Final("2026-03-07"), "even a Saturday");
        _calendar.Add(Instant("2026-03-06T23:59:59+08:00"), Dur("0wd")).LastDay.Should().Be(D("2026-03-06"));
    }

    // ---- calendar days ----

    [TestCase("2026-03-02", "7d", "2026-03-09", TestName = "last day a working day")]
    [TestCase("2026-03-06", "1d", "2026-03-09", TestName = "last day a Saturday rolls to Monday")]
    [TestCase("2026-03-05", "3d", "2026-03-09", TestName = "last day a Sunday rolls to Monday")]
    [TestCase("2026-09-24", "1d", "2026-09-28", TestName = "last day 中秋 rolls past the holiday weekend")]
    [TestCase("2026-02-12", "3d", "2026-02-24", TestName = "last day in 春节 rolls over the whole week")]
    [TestCase("2026-02-10", "13d", "2026-02-24", TestName = "last day the final day of 春节")]
    [TestCase("2026-02-12", "2d", "2026-02-14", TestName = "last day a make-up Saturday stays")]
    [TestCase("2026-09-30", "1d", "2026-10-08", TestName = "last day 国庆")]
    [TestCase("2026-10-01", "9d", "2026-10-10", TestName = "start inside 国庆, ends on make-up Saturday")]
    [TestCase("2026-03-06", "0d", "2026-03-06", TestName = "0d on a working day")]
    [TestCase("2026-03-07", "0d", "2026-03-09", TestName = "0d on a Saturday rolls")]
    public void Calendar_days_end_on_start_plus_n_or_the_next_working_day(string start, string duration, string lastDay) =>
        Add(start, duration).Should().Be(Final(lastDay));

    // ---- provisional ----

    [Test]
    public void Counting_into_an_unloaded_year_is_provisional_and_uses_its_model()
    {
        // 2026-12-29, 30, 31, then 2027-01-01 元旦 (model), weekend, 01-04, 01-05.
        Add("2026-12-28", "5wd").Should().Be(Provisional("2027-01-05"));
        Add("2026-12-28", "3wd").Should().Be(Final("2026-12-31"));
        Add("2026-12-25", "7d").Should().Be(Provisional("2027-01-04"), "2027-01-01 is off in the model");
        Add("2026-12-01", "30d").Should().Be(Final("2026-12-31"));
    }

    [Test]
    public void A_period_entirely_in_loaded_years_is_final_even_across_years() =>
        Add("2024-12-20", "60wd").Provisional.Should().BeFalse();

    [Test]
    public void The_start_year_does_not_matter_when_only_later_days_are_counted()
    {
        // 2023 is not loaded; when every counted day is in 2024 the result is final.
        Add("2023-12-31", "1wd").Should().Be(Final("2024-01-02"));
        Add("2023-12-31", "1d").Should().Be(Final("2024-01-02"), "2024-01-01 is 元旦");
        Add("2023-12-29", "0wd").Should().Be(Final("2023-12-29"));
        // Saturday 2023-12-30 and Sunday 12-31 are passed over: an unpublished notice could have made them working days.
        Add("2023-12-29", "1wd").Should().Be(Provisional("2024-01-02"));
        Add("2023-12-28", "1wd").Should().Be(Provisional("2023-12-29"));
    }

    [Test]
    public void A_calendar_day_period_ending_in_a_loaded_year_is_final_whatever_lies_after() =>
        Add("2026-12-20", "11d").Should().Be(Final("2026-12-31"));

    [Test]
    public void Rolling_over_from_a_loaded_year_into_an_unloaded_one_is_provisional()
    {
        var onlyUpTo2025 = WorkCalendar.Create(Official.Where(y => y.Year <= 2025));
        // 2025-12-27 is a Saturday; +1d = Sunday 12-28, which rolls to Monday 12-29 — still 2025.
        onlyUpTo2025.Add(At("2025-12-27"), Dur("1d")).Should().Be(Final("2025-12-29"));
        // 2025-12-26 + 8d = Saturday 2026-01-03: the 2026 model is used and the result is provisional.
        onlyUpTo2025.Add(At("2025-12-26"), Dur("8d")).Should().Be(Provisional("2026-01-05"));
        onlyUpTo2025.Add(At("2025-12-24"), Dur("1d")).Should().Be(Final("2025-12-25"));
    }

    [Test]
    public void WithYear_turns_a_provisional_result_into_a_final_one()
    {
        Add("2026-12-28", "5wd").Should().Be(Provisional("2027-01-05"));
        var notice2027 = new CalendarYear(2027, "测试用的2027年安排",
            [new Holiday("元旦", D("2027-01-01"), D("2027-01-03"))], []);
        _calendar.WithYear(notice2027).Add(At("2026-12-28"), Dur("5wd")).Should().Be(Final("2027-01-05"));
    }

    [Test]
    public void WithYear_changes_the_result_when_the_notice_differs_from_the_model()
    {
        // Model 2027: 春节 is 除夕 02-05 (Fri) … 初三 02-08 (Mon). A made-up notice that extends it to 02-13.
        Add("2027-02-04", "1wd").Should().Be(Provisional("2027-02-09"));
        var notice2027 = new CalendarYear(2027, "测试用的2027年安排",
            [new Holiday("春节", D("2027-02-05"), D("2027-02-13"))], [D("2027-02-20")]);
        var updated = _calendar.WithYear(notice2027);
        updated.Add(At("2027-02-04"), Dur("1wd")).Should().Be(Final("2027-02-15"));
        updated.Add(At("2027-02-19"), Dur("1wd")).Should().Be(Final("2027-02-20"), "the notice's make-up Saturday");
        updated.LoadedYears.Should().Equal(2024, 2025, 2026, 2027);
        _calendar.LoadedYears.Should().Equal(2024, 2025, 2026);
        _calendar.Add(At("2027-02-04"), Dur("1wd")).Should().Be(Provisional("2027-02-09"), "the old snapshot is unchanged");
    }

    [Test]
    public void WithYear_replaces_a_loaded_year()
    {
        var changed = Official.Single(y => y.Year == 2026) with { Holidays = [new Holiday("元旦", D("2026-01-01"), D("2026-01-01"))], MakeUpWorkdays = [] };
        var replaced = _calendar.WithYear(changed);
        replaced.LoadedYears.Should().Equal(2024, 2025, 2026);
        replaced.GetDayKind(D("2026-02-16")).Should().Be(DayKind.Workday);
        replaced.GetDayKind(D("2026-02-14")).Should().Be(DayKind.Weekend);
        _calendar.GetDayKind(D("2026-02-16")).Should().Be(DayKind.Holiday);
    }

    // ---- hours ----

    [Test]
    public void Hour_periods_add_exact_hours_and_are_never_provisional()
    {
        var period = _calendar.Add(Instant("2026-10-01T23:30+08:00"), Dur("2h"));
        period.Should().Be(new PeriodEnd(D("2026-10-02"), Instant("2026-10-02T01:30+08:00"), false));
        period.DueAt.Offset.Should().Be(WorkCalendar.ChinaOffset);
        _calendar.Add(Instant("2027-02-05T10:00+08:00"), Dur("48h")).Should()
            .Be(new PeriodEnd(D("2027-02-07"), Instant("2027-02-07T10:00+08:00"), false));
    }

    [Test]
    public void A_start_in_another_offset_is_converted_to_china_time()
    {
        var fromUtc = _calendar.Add(Instant("2026-10-01T15:30Z"), Dur("2h"));
        fromUtc.DueAt.Should().Be(Instant("2026-10-02T01:30+08:00"));
        fromUtc.DueAt.Offset.Should().Be(WorkCalendar.ChinaOffset);
        fromUtc.LastDay.Should().Be(D("2026-10-02"));

        // 2026-03-05T17:00Z is Friday 01:00 in China: the start date is Friday, not Thursday.
        _calendar.Add(Instant("2026-03-05T17:00Z"), Dur("1wd")).Should().Be(Final("2026-03-09"));
        _calendar.Add(Instant("2026-03-05T15:59:59Z"), Dur("1wd")).Should().Be(Final("2026-03-06"));
        _calendar.Add(Instant("2026-03-06T08:00-05:00"), Dur("1wd")).Should().Be(Final("2026-03-09"));
    }

    [Test]
    public void LocalDate_is_the_date_in_china()
    {
        WorkCalendar.LocalDate(Instant("2026-03-06T16:00Z")).Should().Be(D("2026-03-07"));
        WorkCalendar.LocalDate(Instant("2026-03-06T15:59:59.9999999Z")).Should().Be(D("2026-03-06"));
        WorkCalendar.LocalDate(Instant("2026-03-06T23:59+08:00")).Should().Be(D("2026-03-06"));
        WorkCalendar.LocalDate(Instant("2026-03-06T00:30+09:00")).Should().Be(D("2026-03-05"));
    }

    // ---- due instant ----

    [Test]
    public void By_default_a_day_period_falls_due_at_24_00_of_the_last_day()
    {
        var period = Add("2026-03-06", "1wd");
        period.DueAt.Should().Be(Instant("2026-03-10T00:00+08:00"));
        period.DueAt.Offset.Should().Be(WorkCalendar.ChinaOffset);
        _calendar.DueInstant(D("2026-12-31")).Should().Be(Instant("2027-01-01T00:00+08:00"));
        _calendar.ClosingTime.Should().BeNull();
    }

    [Test]
    public void With_a_closing_time_a_day_period_falls_due_then_on_the_last_day()
    {
        var calendar = OfficialCalendar(new TimeOnly(17, 30));
        calendar.ClosingTime.Should().Be(new TimeOnly(17, 30));
        calendar.DueInstant(D("2026-03-09")).Should().Be(Instant("2026-03-09T17:30+08:00"));
        calendar.Add(At("2026-03-06"), Dur("1wd")).Should().Be(new PeriodEnd(D("2026-03-09"), Instant("2026-03-09T17:30+08:00"), false));
        calendar.Add(At("2026-09-24"), Dur("1d")).DueAt.Should().Be(Instant("2026-09-28T17:30+08:00"));
        calendar.Add(Instant("2026-03-06T10:00+08:00"), Dur("2h")).DueAt.Should().Be(Instant("2026-03-06T12:00+08:00"), "hours ignore the closing time");
        calendar.WithYear(ProvisionalYear(2027)).ClosingTime.Should().Be(new TimeOnly(17, 30), "WithYear keeps the closing time");
    }

    [Test]
    public void A_closing_time_of_midnight_is_rejected()
    {
        var act = () => WorkCalendar.Create(Official, TimeOnly.MinValue);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*00:00*");
    }

    // ---- WorkingDaysBetween ----

    [TestCase("2026-03-06", "2026-03-09", 1, TestName = "Friday to Monday")]
    [TestCase("2026-03-06", "2026-03-08", 0, TestName = "Friday to Sunday")]
    [TestCase("2026-03-06", "2026-03-06", 0, TestName = "same day")]
    [TestCase("2026-03-09", "2026-03-06", 0, TestName = "to before from")]
    [TestCase("2026-03-05", "2026-03-06", 1, TestName = "one working day")]
    [TestCase("2026-02-13", "2026-02-27", 5, TestName = "across 春节 with a make-up Saturday")]
    [TestCase("2026-02-14", "2026-02-23", 0, TestName = "from a make-up Saturday through 春节")]
    [TestCase("2026-02-13", "2026-02-14", 1, TestName = "the make-up Saturday itself")]
    [TestCase("2026-12-31", "2027-01-04", 1, TestName = "into the provisional 2027")]
    public void WorkingDaysBetween_counts_working_days_after_from_up_to_and_including_to(string from, string to, int expected) =>
        _calendar.WorkingDaysBetween(D(from), D(to)).Should().Be(expected);

    // ---- range and arguments ----

    [Test]
    public void The_supported_range_is_that_of_the_chinese_lunisolar_calendar_to_the_end_of_2100()
    {
        WorkCalendar.MinSupportedDate.Should().Be(DateOnly.FromDateTime(new System.Globalization.ChineseLunisolarCalendar().MinSupportedDateTime));
        WorkCalendar.MaxSupportedDate.Should().Be(D("2100-12-31"));
        _calendar.GetDayKind(D("1901-02-19")).Should().Be(DayKind.Holiday, "正月初一 1901");
        _calendar.GetDayKind(D("2100-12-31")).Should().Be(DayKind.Workday);
    }

    [Test]
    public void Queries_outside_the_range_throw_with_a_clear_message()
    {
        var before = () => _calendar.GetDayKind(D("1901-02-18"));
        before.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1901-02-18*超出*1901-02-19*2100-12-31*");
        var after = () => _calendar.IsWorkingDay(D("2101-01-01"));
        after.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*2101-01-01*");
        var tooLate = () => _calendar.Add(At("2100-12-28"), Dur("5wd"));
        tooLate.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*2100-12-28*5个工作日*超出*");
        var rollsOut = () => _calendar.Add(At("2100-12-24"), Dur("1wd"));
        rollsOut.Should().NotThrow();
        var dayRollsOut = () => _calendar.Add(At("2100-12-31"), Dur("1d"));
        dayRollsOut.Should().Throw<ArgumentOutOfRangeException>();
        var startTooEarly = () => _calendar.Add(Instant("1901-02-18T12:00+08:00"), Dur("1wd"));
        startTooEarly.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*起算时间*");
        var between = () => _calendar.WorkingDaysBetween(D("2026-01-01"), D("2101-01-01"));
        between.Should().Throw<ArgumentOutOfRangeException>();
        var hours = () => _calendar.Add(Instant("2100-12-31T20:00+08:00"), Dur("5h"));
        hours.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void A_negative_amount_is_rejected()
    {
        var act = () => _calendar.Add(At("2026-03-06"), new Period(-1, PeriodUnit.WorkingDays));
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*负数*");
    }

    [Test]
    public void FirstWorkingDayOnOrAfter_finds_the_next_working_day()
    {
        _calendar.FirstWorkingDayOnOrAfter(D("2026-02-15")).Should().Be(D("2026-02-24"));
        _calendar.FirstWorkingDayOnOrAfter(D("2026-02-14")).Should().Be(D("2026-02-14"));
        _calendar.FirstWorkingDayOnOrAfter(D("2026-03-06")).Should().Be(D("2026-03-06"));
    }

    [Test]
    public void Add_does_not_allocate()
    {
        var start = At("2026-03-06");
        Period[] periods = [Dur("5wd"), Dur("7d"), Dur("2h"), Dur("0wd"), Dur("400wd")];
        long Measure()
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++) _calendar.Add(start.AddDays(i % 500), periods[i % periods.Length]);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // Warm up until the JIT has settled (tier-up can allocate once on this thread); a per-call allocation shows every time.
        for (var i = 0; i < 20; i++) Measure();
        Enumerable.Range(0, 5).Select(_ => Measure()).Min().Should().Be(0);
    }

    [Test]
    public void A_snapshot_is_not_changed_by_later_edits_to_the_lists_it_was_built_from()
    {
        var holidays = new List<Holiday> { new("元旦", D("2027-01-01"), D("2027-01-01")) };
        var snapshot = _calendar.WithYear(new CalendarYear(2027, "测试", holidays, []));
        holidays.Add(new Holiday("测试假日", D("2027-03-01"), D("2027-03-01")));
        snapshot.GetYear(2027)!.Holidays.Should().HaveCount(1);
        snapshot.HolidayName(D("2027-01-01")).Should().Be("元旦");
    }

    private static CalendarYear ProvisionalYear(int year) =>
        new(year, ProvisionalHolidays.SourceFor(year), ProvisionalHolidays.For(year), []);
}
