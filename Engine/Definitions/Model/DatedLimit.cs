using WorkflowEngine.Engine.Calendar;

namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>
/// A limit written as a period, or fixed to a calendar date — every year's <see cref="UntilYearly"/> (“每年8月底前”: the
/// first such date on or after the day counting starts) or the date held in the field <see cref="UntilField"/>. A step's
/// limit and the case's limits both read this way, so a fixed date is counted by this one rule wherever it is written.
/// A fixed date is a 期日, not the end of a 期间: it does not move off a holiday, and pauses and extensions do not move it.
/// </summary>
public abstract class DatedLimit : DefinitionElement
{
    /// <summary>The period; null when the limit is a fixed date.</summary>
    public Period? Period { get; init; }
    /// <summary>Month and day, e.g. 08-31.</summary>
    public (int Month, int Day)? UntilYearly { get; init; }
    /// <summary>A date field (yyyy-MM-dd) whose value is the last day.</summary>
    public string? UntilField { get; init; }

    public bool IsFixedDate => Period is null;

    /// <summary>How the limit reads in Chinese: “5个工作日”, “每年8月31日前”, ““报送截止日期”所载日期前”.</summary>
    public string Describe(Func<string, string>? fieldLabel = null) =>
        Period is { } p ? p.ToChinese()
        : UntilYearly is { } md ? $"每年{md.Month}月{md.Day}日前"
        : $"“{fieldLabel?.Invoke(UntilField!) ?? UntilField}”所载日期前";

    /// <summary>
    /// When a limit counted from <paramref name="from"/> falls due; null when the limit is a date field that is still empty.
    /// </summary>
    public PeriodEnd? DueFrom(DateTimeOffset from, IReadOnlyDictionary<string, Expressions.Value> data, WorkCalendar calendar)
    {
        if (Period is { } p) return calendar.Add(from, p);
        return FixedLastDay(from, data) is { } last ? new PeriodEnd(last, calendar.DueInstant(last), false) : null;
    }

    /// <summary>The fixed last day: this year's MM-dd if it is not yet past on <paramref name="from"/>, else next year's; or the field's date.</summary>
    public DateOnly? FixedLastDay(DateTimeOffset from, IReadOnlyDictionary<string, Expressions.Value> data)
    {
        if (UntilYearly is { } md)
        {
            var day = WorkCalendar.LocalDate(from);
            var last = YearlyDate(day.Year, md);
            return last < day ? YearlyDate(day.Year + 1, md) : last;
        }
        if (UntilField is { } field && data.TryGetValue(field, out var v) && v.Kind == Expressions.ValueKind.String
            && DateOnly.TryParseExact(v.AsString, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date))
            return date;
        return null;
    }

    /// <summary>02-29 in a year without it is the 28th.</summary>
    private static DateOnly YearlyDate(int year, (int Month, int Day) md) =>
        new(year, md.Month, Math.Min(md.Day, DateTime.DaysInMonth(year, md.Month)));
}
