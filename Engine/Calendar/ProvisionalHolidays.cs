namespace WorkflowEngine.Engine.Calendar;

/// <summary>
/// The statutory holidays of 《全国年节及纪念日放假办法》 for a year whose State Council notice is not loaded:
/// the days off the law itself fixes, without the notice's 调休 (make-up working days and bridged days).
/// From 2025 the 2024 revision applies (春节 includes 除夕, 劳动节 two days); earlier years use the 2013 text.
/// </summary>
public static class ProvisionalHolidays
{
    public const int RevisedRulesFirstYear = 2025;

    private static readonly IReadOnlyList<Holiday>?[] Cache = new IReadOnlyList<Holiday>?[CalendarRange.YearCount];

    /// <summary>The computed statutory holidays of <paramref name="year"/>, in calendar order. May overlap (e.g. 中秋 on 10-01).</summary>
    public static IReadOnlyList<Holiday> For(int year)
    {
        CalendarRange.RequireYear(year, nameof(year));
        ref var slot = ref Cache[year - CalendarRange.FirstYear];
        // Racing threads compute equal immutable lists; the first one stored wins.
        return Volatile.Read(ref slot) ?? Interlocked.CompareExchange(ref slot, Compute(year), null) ?? slot;
    }

    /// <summary>The provenance shown for a provisional year.</summary>
    public static string SourceFor(int year) => year >= RevisedRulesFirstYear
        ? $"按《全国年节及纪念日放假办法》（2024年修订）推算的{year}年法定节假日（国务院通知尚未发布）"
        : $"按《全国年节及纪念日放假办法》（2013年修订）推算的{year}年法定节假日（未载入国务院通知）";

    private static IReadOnlyList<Holiday> Compute(int year)
    {
        var revised = year >= RevisedRulesFirstYear;
        var springFestivalFirst = revised ? LunarDates.NewYearsEve(year) : LunarDates.NewYear(year);
        var qingming = SolarTerms.QingmingDate(year);
        var dragonBoat = LunarDates.ToGregorian(year, 5, 5);
        var midAutumn = LunarDates.ToGregorian(year, 8, 15);

        Holiday[] holidays =
        [
            new Holiday("元旦", new DateOnly(year, 1, 1), new DateOnly(year, 1, 1)),
            new Holiday("春节", springFestivalFirst, LunarDates.NewYear(year).AddDays(2)),
            new Holiday("清明节", qingming, qingming),
            new Holiday("劳动节", new DateOnly(year, 5, 1), new DateOnly(year, 5, revised ? 2 : 1)),
            new Holiday("端午节", dragonBoat, dragonBoat),
            new Holiday("中秋节", midAutumn, midAutumn),
            new Holiday("国庆节", new DateOnly(year, 10, 1), new DateOnly(year, 10, 3)),
        ];
        return Array.AsReadOnly(holidays.OrderBy(h => h.First).ToArray());
    }
}
