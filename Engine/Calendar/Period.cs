using System.Globalization;

namespace WorkflowEngine.Engine.Calendar;

public enum PeriodUnit { WorkingDays, CalendarDays, Hours, Months, Years }

/// <summary>
/// A period length as written in definitions: <c>3wd</c> working days, <c>7d</c> calendar days, <c>2h</c> hours,
/// <c>3mo</c> months, <c>1y</c> years.
/// </summary>
public readonly record struct Period(int Amount, PeriodUnit Unit)
{
    public const int MaxAmount = 3650;

    public static bool TryParse(string? text, out Period duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var (suffixLength, unit) = text.EndsWith("wd", StringComparison.Ordinal) ? (2, PeriodUnit.WorkingDays)
            : text.EndsWith("mo", StringComparison.Ordinal) ? (2, PeriodUnit.Months)
            : text.EndsWith('d') ? (1, PeriodUnit.CalendarDays)
            : text.EndsWith('h') ? (1, PeriodUnit.Hours)
            : text.EndsWith('y') ? (1, PeriodUnit.Years)
            : (0, PeriodUnit.WorkingDays);
        if (suffixLength == 0) return false;
        var digits = text[..^suffixLength];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return false;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return false;
        if (amount > MaxAmount) return false;
        duration = new Period(amount, unit);
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not a duration such as 3wd, 7d, 2h, 3mo or 1y.");

    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        PeriodUnit.WorkingDays => "wd",
        PeriodUnit.CalendarDays => "d",
        PeriodUnit.Hours => "h",
        PeriodUnit.Months => "mo",
        _ => "y",
    };

    /// <summary>How officials read it: 3个工作日, 7日, 2小时.</summary>
    public string ToChinese() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        PeriodUnit.WorkingDays => "个工作日",
        PeriodUnit.CalendarDays => "日",
        PeriodUnit.Hours => "小时",
        PeriodUnit.Months => "个月",
        _ => "年",
    };
}
