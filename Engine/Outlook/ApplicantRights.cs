using WorkflowEngine.Engine.Calendar;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>The remedies a refusal must tell the applicant of, with their periods counted from the day it is issued.</summary>
public static class ApplicantRights
{
    public sealed record Remedy(string Name, Period Period, string Basis);

    public static readonly IReadOnlyList<Remedy> AgainstRefusal =
    [
        new("申请行政复议期限", new Period(60, PeriodUnit.CalendarDays), "《中华人民共和国行政复议法》第二十条"),
        new("提起行政诉讼期限", new Period(6, PeriodUnit.Months), "《中华人民共和国行政诉讼法》第四十六条"),
    ];
}
