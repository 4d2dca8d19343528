using System.Globalization;

namespace WorkflowEngine.Engine.Calendar;

public enum DurationUnit { WorkingDays, CalendarDays, Hours, Months, Years }

/// <summary>
/// A period length as written in definitions: <c>3wd</c> working days, <c>7d</c> calendar days, <c>2h</c> hours,
/// <c>3mo</c> months, <c>1y</c> years.
/// </summary>
public readonly record struct Duration(int Amount, DurationUnit Unit)
{
    public const int MaxAmount = 3650;

    public static bool TryParse(string? text, out Duration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var (suffixLength, unit) = text.EndsWith("wd", StringComparison.Ordinal) ? (2, DurationUnit.WorkingDays)
            : text.EndsWith("mo", StringComparison.Ordinal) ? (2, DurationUnit.Months)
            : text.EndsWith('d') ? (1, DurationUnit.CalendarDays)
            : text.EndsWith('h') ? (1, DurationUnit.Hours)
            : text.EndsWith('y') ? (1, DurationUnit.Years)
            : (0, DurationUnit.WorkingDays);
        if (suffixLength == 0) return false;
        var digits = text[..^suffixLength];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return false;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return false;
        if (amount > MaxAmount) return false;
        duration = new Duration(amount, unit);
        return true;
    }

    public static Duration Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not a duration such as 3wd, 7d, 2h, 3mo or 1y.");

    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        DurationUnit.WorkingDays => "wd",
        DurationUnit.CalendarDays => "d",
        DurationUnit.Hours => "h",
        DurationUnit.Months => "mo",
        _ => "y",
    };

    /// <summary>How officials read it: 3个工作日, 7日, 2小时.</summary>
    public string ToChinese() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        DurationUnit.WorkingDays => "个工作日",
        DurationUnit.CalendarDays => "日",
        DurationUnit.Hours => "小时",
        DurationUnit.Months => "个月",
        _ => "年",
    };
}
