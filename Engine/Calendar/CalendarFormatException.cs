namespace WorkflowEngine.Engine.Calendar;

/// <summary>A year file (<c>Definitions/calendars/*.json</c>) that cannot be used; the message says which file, line and problem.</summary>
public sealed class CalendarFormatException : FormatException
{
    public CalendarFormatException(string? fileName, int? lineNumber, string problem, Exception? inner = null)
        : base(Compose(fileName, lineNumber, problem), inner)
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Problem = problem;
    }

    public string? FileName { get; }
    public int? LineNumber { get; }
    public string Problem { get; }

    private static string Compose(string? fileName, int? lineNumber, string problem)
    {
        var file = fileName is null ? "日历文件" : $"日历文件 {fileName}";
        var line = lineNumber is { } n ? $" 第 {n} 行" : "";
        return $"{file}{line}：{problem}。";
    }
}
