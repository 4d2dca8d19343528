using WorkflowEngine.Engine.Calendar;
using static WorkflowEngine.Tests.Calendar.CalendarFixtures;

namespace WorkflowEngine.Tests.Calendar;

public class SolarTermsTests
{
    // The day in April (Beijing time) of 清明 for 1901–2100, one row per decade (1901–1910, 1911–1920, …), computed
    // independently with a high-precision ephemeris (VSOP87-based, not the formula under test).
    private static readonly string[] QingmingAprilDays =
    [
        "5665566556", "6555655565", "5565556555", "6555655565", "5565555555",
        "5555555555", "5555555555", "5555545554", "5554555455", "5455545554",
        "5554555445", "5445544554", "4554455445", "5445544554", "4454445444",
        "5444544454", "4454445444", "5444444444", "4444444444", "4444444445",
    ];

    [Test]
    public void Qingming_matches_an_independent_ephemeris_in_every_supported_year()
    {
        var wrong = new List<string>();
        for (var year = 1901; year <= 2100; year++)
        {
            var expected = new DateOnly(year, 4, QingmingAprilDays[(year - 1901) / 10][(year - 1901) % 10] - '0');
            var actual = SolarTerms.QingmingDate(year);
            if (actual != expected) wrong.Add($"{year}: {actual:yyyy-MM-dd}, expected {expected:yyyy-MM-dd}");
        }
        wrong.Should().BeEmpty();
    }

    [TestCase(2025, 15.0, "2025-04-04T20:48+08:00", TestName = "清明 2025")]
    [TestCase(2025, 0.0, "2025-03-20T17:01+08:00", TestName = "春分 2025")]
    [TestCase(2024, 270.0, "2024-12-21T17:20+08:00", TestName = "冬至 2024")]
    [TestCase(2025, 285.0, "2025-01-05T10:32+08:00", TestName = "小寒 2025 (January)")]
    public void Solar_term_instants_are_within_the_accuracy_of_the_formula(int year, double longitude, string expected)
    {
        // Meeus' low-precision formula is good to about 0.01°, i.e. a quarter of an hour of the Sun's motion.
        SolarTerms.Instant(year, longitude).Should().BeCloseTo(Instant(expected), TimeSpan.FromMinutes(15));
        SolarTerms.Instant(year, longitude).Offset.Should().Be(WorkCalendar.ChinaOffset);
    }

    [Test]
    public void DeltaT_is_about_a_minute_today()
    {
        SolarTerms.DeltaTSeconds(2025).Should().BeInRange(60, 100);
        SolarTerms.DeltaTSeconds(1950).Should().BeApproximately(29.07, 0.01);
    }
}
