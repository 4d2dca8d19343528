using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>The remedies an adverse document must tell the applicant of, with their periods counted from the day it is issued.</summary>
public static class ApplicantRights
{
    public sealed record Remedy(string Name, Period Period, string Basis);

    public static readonly IReadOnlyList<Remedy> AgainstRefusal =
    [
        new("申请行政复议期限", new Period(60, PeriodUnit.CalendarDays), "《中华人民共和国行政复议法》第二十条"),
        new("提起行政诉讼期限", new Period(6, PeriodUnit.Months), "《中华人民共和国行政诉讼法》第四十六条"),
    ];

    /// <summary>
    /// Against a reconsideration body's refusal to accept or its decision: 行政诉讼 within 15 days of receiving it
    /// (行政诉讼法第四十五条; 行政复议法第三十四条 for matters where reconsideration must come first).
    /// </summary>
    public static readonly IReadOnlyList<Remedy> AgainstReconsideration =
    [
        new("提起行政诉讼期限", new Period(15, PeriodUnit.CalendarDays), "《中华人民共和国行政诉讼法》第四十五条"),
    ];

    /// <summary>The remedies a document of this kind names; none for a document the applicant cannot contest.</summary>
    public static IReadOnlyList<Remedy> For(DocumentKind kind) =>
        !DocumentKinds.IsAdverse(kind) ? []
        : kind is DocumentKind.ReconsiderationRefusalDecision or DocumentKind.ReconsiderationDecision ? AgainstReconsideration
        : AgainstRefusal;
}
