using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

namespace WorkflowEngine.Engine.Calendar;

/// <summary>
/// An immutable, thread-safe snapshot of the working-day calendar: loaded State Council notices, and the
/// provisional statutory model for every other year of the supported range. All queries are array lookups.
/// Statutory periods are counted in China time (+08:00) by the rules of 民法典 第二百零一条至第二百零三条.
/// </summary>
public sealed class WorkCalendar
{
    /// <summary>China Standard Time. Asia/Shanghai has had no daylight saving time since 1991, so a fixed offset is exact for deadlines.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly long ChinaOffsetTicks = ChinaOffset.Ticks;

    private readonly SortedDictionary<int, CalendarYear> _years;
    private readonly bool[] _loaded;            // by year − FirstYear
    private readonly int[] _unloadedBefore;     // [i] = unpublished years among the first i years of the range
    private readonly WorkingDayIndex _index;
    private readonly long _closingTicks;        // time of day periods fall due; TicksPerDay for 24:00

    private WorkCalendar(SortedDictionary<int, CalendarYear> years, TimeOnly? closingTime)
    {
        _years = years;
        ClosingTime = closingTime;
        _closingTicks = closingTime?.Ticks ?? TimeSpan.TicksPerDay;
        _loaded = new bool[CalendarRange.YearCount];
        foreach (var year in years.Keys) _loaded[year - CalendarRange.FirstYear] = true;
        _unloadedBefore = new int[CalendarRange.YearCount + 1];
        for (var i = 0; i < CalendarRange.YearCount; i++) _unloadedBefore[i + 1] = _unloadedBefore[i] + (_loaded[i] ? 0 : 1);
        _index = new WorkingDayIndex(DayKindTable.Build(years.Values));
        LoadedYears = new ReadOnlyCollection<int>(years.Keys.ToArray());
    }

    /// <summary>The first day the calendar answers for (the first day <see cref="System.Globalization.ChineseLunisolarCalendar"/> supports).</summary>
    public static DateOnly MinSupportedDate => CalendarRange.FirstDate;

    /// <summary>The last day the calendar answers for.</summary>
    public static DateOnly MaxSupportedDate => CalendarRange.LastDate;

    /// <param name="years">The published notices; at most one per year, each within 1901–2100.</param>
    /// <param name="closingTime">The time of day day-periods fall due; null means 24:00 of the last day.</param>
    public static WorkCalendar Create(IEnumerable<CalendarYear> years, TimeOnly? closingTime = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (closingTime == TimeOnly.MinValue)
            throw new ArgumentOutOfRangeException(nameof(closingTime), closingTime,
                "期限截止时间不能是 00:00（那是最后一日的开始）；截止到 24:00 请传 null。");
        var byYear = new SortedDictionary<int, CalendarYear>();
        foreach (var year in years)
        {
            CalendarYearRules.Validate(year, nameof(years));
            if (!byYear.TryAdd(year.Year, Freeze(year)))
                throw new ArgumentException($"{year.Year} 年的放假安排重复提供。", nameof(years));
        }
        return new WorkCalendar(byYear, closingTime);
    }

    /// <summary>A new snapshot with <paramref name="year"/> loaded, replacing any arrangement already loaded for that year.</summary>
    public WorkCalendar WithYear(CalendarYear year)
    {
        CalendarYearRules.Validate(year, nameof(year));
        var years = new SortedDictionary<int, CalendarYear>(_years) { [year.Year] = Freeze(year) };
        return new WorkCalendar(years, ClosingTime);
    }

    /// <summary>Years with a loaded notice, ascending.</summary>
    public IReadOnlyCollection<int> LoadedYears { get; }

    public TimeOnly? ClosingTime { get; }

    public bool IsLoaded(int year) => CalendarRange.ContainsYear(year) && _loaded[year - CalendarRange.FirstYear];

    /// <summary>The loaded notice of <paramref name="year"/>, or null when the year is provisional.</summary>
    public CalendarYear? GetYear(int year) => _years.GetValueOrDefault(year);

    /// <summary>The holidays that apply to <paramref name="year"/>: the loaded notice's, or else <see cref="ProvisionalHolidays.For"/>.</summary>
    public IReadOnlyList<Holiday> HolidaysOf(int year)
    {
        CalendarRange.RequireYear(year, nameof(year));
        return _years.TryGetValue(year, out var loaded) ? loaded.Holidays : ProvisionalHolidays.For(year);
    }

    /// <summary>From the year's notice when loaded, otherwise from the provisional model.</summary>
    public DayKind GetDayKind(DateOnly date) => _index.KindAt(CalendarRange.RequireOffset(date, nameof(date)));

    /// <summary>A <see cref="DayKind.Workday"/> or a <see cref="DayKind.MakeUpWorkday"/>.</summary>
    public bool IsWorkingDay(DateOnly date) => _index.IsWorkingAt(CalendarRange.RequireOffset(date, nameof(date)));

    /// <summary>The holiday's name for display (e.g. 春节; 中秋节、国庆节 when provisional holidays coincide), or null on a day that is not a holiday.</summary>
    public string? HolidayName(DateOnly date)
    {
        if (GetDayKind(date) != DayKind.Holiday) return null;
        var names = HolidaysOf(date.Year).Where(h => h.Contains(date)).Select(h => h.Name).Distinct().ToList();
        return names.Count == 0 ? null : string.Join("、", names);
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly FirstWorkingDayOnOrAfter(DateOnly date)
    {
        var found = _index.FirstWorkingDayFrom(CalendarRange.RequireOffset(date, nameof(date)));
        return found >= 0 ? CalendarRange.DateAt(found) : throw CalendarRange.DateOutside(CalendarRange.LastDate.AddDays(1), nameof(date));
    }

    /// <summary>The calendar date of <paramref name="instant"/> in China (+08:00).</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDayNumber((int)((instant.UtcTicks + ChinaOffsetTicks) / TimeSpan.TicksPerDay));

    /// <summary>When a period whose last day is <paramref name="lastDay"/> falls due: 24:00 of that day (the next day 00:00+08:00), or <see cref="ClosingTime"/> on that day.</summary>
    public DateTimeOffset DueInstant(DateOnly lastDay) =>
        new(lastDay.DayNumber * TimeSpan.TicksPerDay + _closingTicks, ChinaOffset);

    /// <summary>
    /// Counts <paramref name="duration"/> from <paramref name="start"/>. The start day is not counted.
    /// <c>wd</c>: the last day is the N-th working day after the start date (0wd: the start date).
    /// <c>d</c>: the last day is start date + N, moved to the next working day when that is a rest day.
    /// <c>h</c>: due exactly N hours after <paramref name="start"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative amount, or a start or last day outside the supported range.</exception>
    public PeriodEnd Add(DateTimeOffset start, Period duration)
    {
        var amount = duration.Amount;
        var localTicks = start.UtcTicks + ChinaOffsetTicks;
        var startOffset = (int)(localTicks / TimeSpan.TicksPerDay) - CalendarRange.FirstDayNumber;
        if ((uint)startOffset >= (uint)CalendarRange.DayCount) throw StartOutside(start);
        if ((uint)amount > (uint)CalendarRange.DayCount * 24) throw AmountOutside(duration);

        switch (duration.Unit)
        {
            case PeriodUnit.WorkingDays:
            {
                if (amount == 0) return DayPeriod(startOffset, false);
                var last = _index.NthWorkingDayAfter(startOffset, amount);
                if (last < 0) throw PeriodOutside(start, duration);
                return DayPeriod(last, AnyUnloaded(startOffset + 1, last));
            }
            case PeriodUnit.CalendarDays:
                return EndingOnWorkingDay(startOffset + amount, start, duration);
            case PeriodUnit.Months or PeriodUnit.Years:
            {
                // 民法典第二百零二条: the corresponding day of the last month, or that month's last day when there is none.
                var months = duration.Unit == PeriodUnit.Years ? (long)amount * 12 : amount;
                var startDate = CalendarRange.DateAt(startOffset);
                if (months > (CalendarRange.LastYear - startDate.Year + 1) * 12L) throw PeriodOutside(start, duration);
                return EndingOnWorkingDay(startOffset + (startDate.AddMonths((int)months).DayNumber - startDate.DayNumber), start, duration);
            }
            case PeriodUnit.Hours:
            {
                var dueTicks = localTicks + amount * TimeSpan.TicksPerHour;
                var lastOffset = (int)(dueTicks / TimeSpan.TicksPerDay) - CalendarRange.FirstDayNumber;
                if (lastOffset >= CalendarRange.DayCount) throw PeriodOutside(start, duration);
                return new PeriodEnd(CalendarRange.DateAt(lastOffset), new DateTimeOffset(dueTicks, ChinaOffset), false);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(duration), duration.Unit, "未知的期限单位。");
        }
    }

    /// <summary>A period whose nominal last day falls on a rest day ends on the next working day (民法典第二百零三条).</summary>
    private PeriodEnd EndingOnWorkingDay(int nominal, DateTimeOffset start, Period duration)
    {
        var last = nominal < CalendarRange.DayCount ? _index.FirstWorkingDayFrom(nominal) : -1;
        if (last < 0) throw PeriodOutside(start, duration);
        return DayPeriod(last, AnyUnloaded(nominal, last));
    }

    /// <summary>Working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]; 0 when <paramref name="toInclusive"/> ≤ <paramref name="fromExclusive"/>.</summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive <= fromExclusive) return 0;
        var from = CalendarRange.RequireOffset(fromExclusive, nameof(fromExclusive));
        var to = CalendarRange.RequireOffset(toInclusive, nameof(toInclusive));
        return _index.CountBetween(from, to);
    }

    /// <summary>Working days from <paramref name="today"/> to a period's last day; negative, counting the days overdue, once it has passed.</summary>
    public int WorkingDaysLeft(DateOnly today, DateOnly lastDay) =>
        lastDay >= today ? WorkingDaysBetween(today, lastDay) : -WorkingDaysBetween(lastDay, today);

    /// <summary>A private copy, so that a caller changing the lists it passed in cannot change this snapshot.</summary>
    private static CalendarYear Freeze(CalendarYear year) => year with
    {
        Holidays = Array.AsReadOnly(year.Holidays.ToArray()),
        MakeUpWorkdays = Array.AsReadOnly(year.MakeUpWorkdays.ToArray()),
    };

    private PeriodEnd DayPeriod(int lastOffset, bool provisional)
    {
        var lastDay = CalendarRange.DateAt(lastOffset);
        return new PeriodEnd(lastDay, DueInstant(lastDay), provisional);
    }

    /// <summary>Whether any year from that of day <paramref name="fromOffset"/> to that of day <paramref name="toOffset"/> has no loaded notice.</summary>
    private bool AnyUnloaded(int fromOffset, int toOffset)
    {
        var firstYear = CalendarRange.YearAt(fromOffset) - CalendarRange.FirstYear;
        var lastYear = CalendarRange.YearAt(toOffset) - CalendarRange.FirstYear;
        return _unloadedBefore[lastYear + 1] != _unloadedBefore[firstYear];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ArgumentOutOfRangeException StartOutside(DateTimeOffset start) =>
        new(nameof(start), start, $"起算时间 {start:yyyy-MM-dd HH:mm zzz} 超出工作日历支持范围（{CalendarRange.Description}，按北京时间）。");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ArgumentOutOfRangeException AmountOutside(Period duration) =>
        new(nameof(duration), duration, duration.Amount < 0
            ? $"期限 {duration.ToChinese()} 不能为负数。"
            : $"期限 {duration.ToChinese()} 过长，超出工作日历支持范围（{CalendarRange.Description}）。");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ArgumentOutOfRangeException PeriodOutside(DateTimeOffset start, Period duration) =>
        new(nameof(duration), duration,
            $"自 {LocalDate(start):yyyy-MM-dd} 起算 {duration.ToChinese()}，期限届满日超出工作日历支持范围（{CalendarRange.Description}）。");
}
