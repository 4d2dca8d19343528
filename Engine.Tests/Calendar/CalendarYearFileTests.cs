using WorkflowEngine.Engine.Calendar;
using static WorkflowEngine.Tests.Calendar.CalendarFixtures;

namespace WorkflowEngine.Tests.Calendar;

public class CalendarYearFileTests
{
    private const string Valid = """
        {
          "year": 2026,
          "source": "国务院办公厅关于2026年部分节假日安排的通知",
          "holidays": [
            { "name": "元旦", "from": "2026-01-01", "to": "2026-01-03" },
            { "name": "春节", "from": "2026-02-15", "to": "2026-02-23" }
          ],
          "workdays": [ "2026-01-04", "2026-02-14" ]
        }
        """;

    private static CalendarFormatException ParseFails(string json, string fileName = "2026.json")
    {
        var act = () => CalendarYearFile.Parse(json, fileName);
        return act.Should().Throw<CalendarFormatException>().Which;
    }

    private static void ShouldName(CalendarFormatException e, int? line, string problem)
    {
        e.FileName.Should().Be("2026.json");
        e.LineNumber.Should().Be(line);
        e.Message.Should().Contain("2026.json").And.Contain(problem);
        if (line is { } n) e.Message.Should().Contain($"第 {n} 行");
    }

    [Test]
    public void A_valid_file_is_read()
    {
        var year = CalendarYearFile.Parse(Valid, "2026.json");
        year.Year.Should().Be(2026);
        year.Source.Should().Be("国务院办公厅关于2026年部分节假日安排的通知");
        year.Holidays.Should().Equal(new Holiday("元旦", D("2026-01-01"), D("2026-01-03")), new Holiday("春节", D("2026-02-15"), D("2026-02-23")));
        year.MakeUpWorkdays.Should().Equal(D("2026-01-04"), D("2026-02-14"));
    }

    [Test]
    public void Workdays_may_be_omitted_and_ToJson_round_trips()
    {
        var year = CalendarYearFile.Parse(Valid.Replace(",\n  \"workdays\": [ \"2026-01-04\", \"2026-02-14\" ]", ""));
        year.MakeUpWorkdays.Should().BeEmpty();
        var again = CalendarYearFile.Parse(CalendarYearFile.ToJson(year));
        again.Should().BeEquivalentTo(year);
        CalendarYearFile.ToJson(new CalendarYear(2030, "空\"引号\"", [], [])).Should()
            .Be("{\n  \"year\": 2030,\n  \"source\": \"空\\\"引号\\\"\",\n  \"holidays\": [],\n  \"workdays\": []\n}\n");
    }

    [Test]
    public void Bad_json_names_the_line()
    {
        var e = ParseFails(Valid.Replace("\"year\": 2026,", "\"year\": 2026"));
        ShouldName(e, 3, "不是有效的 JSON");
    }

    [Test]
    public void Content_after_the_object_is_rejected()
    {
        var e = ParseFails(Valid + "\n{}");
        ShouldName(e, 10, "多余内容");
    }

    [Test]
    public void The_root_must_be_an_object() => ShouldName(ParseFails("[1, 2]"), 1, "顶层必须是 JSON 对象");

    [Test]
    public void A_missing_year_is_reported() =>
        ShouldName(ParseFails(Valid.Replace("  \"year\": 2026,\n", "")), 1, "缺少年份");

    [TestCase("\"2026\"")]
    [TestCase("2026.5")]
    [TestCase("null")]
    public void A_year_that_is_not_an_integer_is_reported(string year) =>
        ShouldName(ParseFails(Valid.Replace("\"year\": 2026", $"\"year\": {year}")), 2, "\"year\" 必须是整数年份");

    [Test]
    public void A_year_outside_the_supported_range_is_reported()
    {
        var e = ParseFails(Valid.Replace("\"year\": 2026", "\"year\": 2101"), "calendar.json");
        e.LineNumber.Should().Be(2);
        e.Message.Should().Contain("2101").And.Contain("超出支持范围");
    }

    [Test]
    public void A_file_named_for_another_year_is_reported() =>
        ShouldName(ParseFails(Valid.Replace("2026", "2025")), 2, "文件名表示 2026 年，但 \"year\" 是 2025");

    [Test]
    public void A_missing_source_is_reported() =>
        ShouldName(ParseFails(Valid.Replace("  \"source\": \"国务院办公厅关于2026年部分节假日安排的通知\",\n", "")), 1, "缺少通知名称");

    [Test]
    public void An_unknown_field_is_reported() =>
        ShouldName(ParseFails(Valid.Replace("\"workdays\"", "\"workday\"")), 8, "未知字段 \"workday\"");

    [Test]
    public void A_duplicate_field_is_reported() =>
        ShouldName(ParseFails(Valid.Replace("  \"holidays\": [", "  \"year\": 2026,\n  \"holidays\": [")), 4, "字段 \"year\" 重复出现");

    [Test]
    public void A_holiday_without_a_name_is_reported() =>
        ShouldName(ParseFails(Valid.Replace("\"name\": \"春节\", ", "")), 6, "缺少节日名称");

    [Test]
    public void A_malformed_date_is_reported() =>
        ShouldName(ParseFails(Valid.Replace("\"2026-02-14\"", "\"2026-2-14\"")), 8, "日期 \"2026-2-14\" 格式不正确");

    [Test]
    public void A_holiday_date_outside_the_year_is_reported() =>
        ShouldName(ParseFails(Valid.Replace("\"from\": \"2026-01-01\"", "\"from\": \"2025-12-31\"")), 5, "日期 2025-12-31 不在 2026 年内");

    [Test]
    public void A_make_up_day_outside_the_year_is_reported() =>
        ShouldName(ParseFails(Valid.Replace("\"2026-01-04\"", "\"2027-01-03\"")), 8, "日期 2027-01-03 不在 2026 年内");

    [Test]
    public void From_after_to_is_reported() =>
        ShouldName(ParseFails(Valid.Replace("\"to\": \"2026-02-23\"", "\"to\": \"2026-02-13\"")), 6,
            "“春节”的放假起始日 2026-02-15 晚于结束日 2026-02-13");

    [Test]
    public void A_day_both_off_and_make_up_is_reported() =>
        ShouldName(ParseFails(Valid.Replace("\"2026-02-14\"", "\"2026-02-15\"")), 8, "日期 2026-02-15 既是放假日（春节）又是调休上班日");

    [Test]
    public void Overlapping_holidays_are_reported_as_duplicate_dates() =>
        ShouldName(ParseFails(Valid.Replace("\"from\": \"2026-02-15\"", "\"from\": \"2026-01-03\"")), 6,
            "日期 2026-01-03 重复：已在“元旦”中放假，又出现在“春节”中");

    [Test]
    public void A_repeated_make_up_day_is_reported() =>
        ShouldName(ParseFails(Valid.Replace("\"2026-02-14\" ]", "\"2026-02-14\",\n    \"2026-01-04\" ]")), 9, "调休上班日 2026-01-04 重复出现");

    [Test]
    public void A_make_up_day_on_a_weekday_is_reported() =>
        ShouldName(ParseFails(Valid.Replace("\"2026-02-14\"", "\"2026-02-13\"")), 8, "调休上班日 2026-02-13 是星期五");

    [Test]
    public void Without_a_file_name_the_message_still_names_the_line()
    {
        var act = () => CalendarYearFile.Parse(Valid.Replace("\"2026-02-14\"", "\"2026-02-15\""));
        act.Should().Throw<CalendarFormatException>().WithMessage("日历文件 第 8 行：*");
    }

    [Test]
    public void LoadDirectory_reads_every_json_file_and_rejects_a_year_given_twice()
    {
        var dir = Directory.CreateTempSubdirectory("calendars-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "2026.json"), Valid);
            File.WriteAllText(Path.Combine(dir.FullName, "a.json"), Valid.Replace("2026", "2027").Replace("\"2027-01-04\", ", ""));
            File.WriteAllText(Path.Combine(dir.FullName, "notes.txt"), "not a calendar");
            CalendarYearFile.LoadDirectory(dir.FullName).Select(y => y.Year).Should().Equal(2026, 2027);

            File.WriteAllText(Path.Combine(dir.FullName, "b.json"), Valid);
            var act = () => CalendarYearFile.LoadDirectory(dir.FullName);
            act.Should().Throw<CalendarFormatException>().WithMessage("*b.json*2026 年已在 2026.json 中定义*");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void Create_rejects_an_inconsistent_year_built_in_code()
    {
        var bad = new CalendarYear(2026, "x", [new Holiday("元旦", D("2026-01-01"), D("2026-01-01"))], [D("2026-01-01")]);
        var act = () => WorkCalendar.Create([bad]);
        act.Should().Throw<ArgumentException>().WithMessage("*2026 年日历数据有误*既是放假日*");
        var twice = () => WorkCalendar.Create([Official[0], Official[0]]);
        twice.Should().Throw<ArgumentException>().WithMessage("*2024 年的放假安排重复提供*");
        var withYear = () => OfficialCalendar().WithYear(bad with { Year = 2027 });
        withYear.Should().Throw<ArgumentException>().WithMessage("*不在 2027 年内*");
    }
}
