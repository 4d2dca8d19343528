using System.Globalization;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Outlook;

namespace WorkflowEngine.Store.Documents;

/// <summary>
/// The placeholders a template may use and their values for one issued document. <c>{{case.FIELD}}</c> is any case
/// field by its id (lists joined with 、, materials by their Chinese names, dates as 2026年3月2日); the other keys are
/// listed in <see cref="Fixed"/>. Every date comes from the core's outlook; nothing is counted here except the correction
/// period, which the agency sets and the working-day calendar counts.
/// </summary>
public static class DocumentFields
{
    public static readonly IReadOnlyDictionary<string, string> Fixed = new Dictionary<string, string>
    {
        ["agency.name"] = "机关全称",
        ["agency.shortName"] = "机关简称",
        ["agency.address"] = "机关地址",
        ["agency.telephone"] = "联系电话",
        ["agency.reconsiderationBody"] = "行政复议机关",
        ["agency.court"] = "管辖人民法院",
        [DocxTemplate.SealKey] = "机关印章（“文书设置”中上传的印章图片，宽 4.2 厘米；未上传时不显示）",
        ["document.title"] = "文书名称",
        ["document.number"] = "文号",
        ["document.date"] = "出具日期",
        ["document.version"] = "版本（重新出具时递增）",
        ["document.clerk"] = "经办人",
        ["case.no"] = "案件编号",
        ["case.flow"] = "事项（流程）名称",
        ["case.applicant"] = "申请人",
        ["case.receivedOn"] = "收件日期（案件字段“收件日期”，未填时为立案日期）",
        ["notice.missingMaterials"] = "需补正的材料（中文名称，逐项分行）",
        ["notice.receivedMaterials"] = "已收到的材料（中文名称）",
        ["notice.correctionRequirements"] = "补正要求（案件字段“补正要求”）",
        ["notice.correctionDeadline"] = "补正期限（出具之日起按机关设置的工作日数计算）",
        ["notice.decisionDeadline"] = "作出决定的最后一日",
        ["notice.decisionBasis"] = "决定期限的法定依据",
        ["notice.refusalGround"] = "不予受理的具体理由",
        ["notice.denialGround"] = "不予许可的具体理由",
        ["notice.extensionReason"] = "延长期限的理由",
        ["notice.hearingRequestDeadline"] = "提出听证申请的最后一日",
        ["notice.reconsiderationDeadline"] = "申请行政复议的最后一日",
        ["notice.reconsiderationBasis"] = "行政复议期限的法律依据",
        ["notice.litigationDeadline"] = "提起行政诉讼的最后一日",
        ["notice.litigationBasis"] = "行政诉讼期限的法律依据",
        ["notice.competentBodyNotice"] = "行政复议：不属于本机关管辖时告知有管辖权的行政复议机关的一句话（案件字段“有管辖权的行政复议机关”）",
        ["notice.decisionArticle"] = "行政复议：复议决定类型所依据的行政复议法条文（如“第六十八条”）",
        ["notice.decisionOutcome"] = "行政复议：决定主文（如“维持被申请人作出的……”），按复议决定类型写成",
        ["notice.evidenceList"] = "行政复议答复：证据、依据和其他有关材料（逐项分行）",
    };

    public const string CasePrefix = "case.";

    /// <summary>The first placeholder that names nothing, or null: a fixed key, or case.FIELD with a field some flow has.</summary>
    public static string? Unknown(IEnumerable<string> keys, IReadOnlySet<string> fieldIds) =>
        keys.FirstOrDefault(k => !Fixed.ContainsKey(k) && !BatchItemFields.Placeholders.ContainsKey(k) && !(k.StartsWith(CasePrefix, StringComparison.Ordinal) && fieldIds.Contains(k[CasePrefix.Length..])));

    public sealed record Issue(
        AgencySettings Agency, FlowDefinition Definition, CaseState State, string CaseNo, DocumentOutlook Document, CaseOutlook Outlook,
        string Number, int Version, WorkCalendar Calendar);

    public static Dictionary<string, string> Values(Issue issue)
    {
        var (agency, definition, state, doc) = (issue.Agency, issue.Definition, issue.State, issue.Document);
        var data = state.Data.SetItems(doc.Document.Data);
        var values = new Dictionary<string, string>();
        foreach (var field in definition.Fields) values[CasePrefix + field.Id] = Text(field, data.GetValueOrDefault(field.Id));
        values["agency.name"] = agency.FullName;
        values["agency.shortName"] = agency.ShortName;
        values["agency.address"] = agency.Address;
        values["agency.telephone"] = agency.Telephone;
        values["agency.reconsiderationBody"] = agency.ReconsiderationBody;
        values["agency.court"] = agency.Court;
        values["document.title"] = doc.Name;
        values["document.number"] = issue.Number;
        values["document.date"] = Date(WorkCalendar.LocalDate(doc.Document.IssuedAt));
        values["document.version"] = issue.Version.ToString(CultureInfo.InvariantCulture);
        values["document.clerk"] = doc.Document.ActorName;
        values["case.no"] = issue.CaseNo;
        values["case.flow"] = definition.Name;
        values["case.applicant"] = FirstText(data, "applicant", "applicantName", "unit") ?? "";
        values["case.receivedOn"] = data.GetValueOrDefault("receivedOn") is { Kind: ValueKind.String } received && DateOnly.TryParse(received.AsString, CultureInfo.InvariantCulture, out var day)
            ? Date(day) : Date(WorkCalendar.LocalDate(state.StartedAt));
        var materials = definition.Fields.FirstOrDefault(f => f.Type == FieldType.Materials);
        var missing = Strings(data.GetValueOrDefault("missingItems")).Select(id => MaterialName(materials, id)).ToList();
        values["notice.missingMaterials"] = string.Join("\n", missing.Select((m, i) => $"{i + 1}. {m}"));
        values["notice.receivedMaterials"] = materials is null ? "" : Text(materials, data.GetValueOrDefault(materials.Id));
        values["notice.correctionRequirements"] = FirstText(data, "correctionRequirements") ?? "请按上述清单补正全部材料。";
        var correctionDue = issue.Calendar.Add(doc.Document.IssuedAt, new Period(agency.CorrectionWorkingDays, PeriodUnit.WorkingDays));
        values["notice.correctionDeadline"] = Date(correctionDue.LastDay);
        var caseDeadline = issue.Outlook.CaseDeadline;
        var decision = doc.Dates.FirstOrDefault(d => d.Name == "作出决定期限");
        values["notice.decisionDeadline"] = decision is not null ? Date(decision.LastDay) : caseDeadline is not null ? Date(caseDeadline.LastDay) : "";
        values["notice.decisionBasis"] = decision?.Basis ?? caseDeadline?.Basis ?? "";
        values["notice.refusalGround"] = FirstText(data, "refusalGround") ?? "";
        values["notice.denialGround"] = FirstText(data, "denialGround") ?? "";
        values["notice.extensionReason"] = FirstText(data, "extensionReason") ?? "";
        // The parties ask for a hearing in the step the notice's action leads to (the hearing's first step, 行政许可法第四十七条).
        var askStep = (definition.FindStep(doc.Document.StepId) as ActingStep)?.FindAction(doc.Document.ActionId)?.To;
        var hearing = issue.Outlook.Tasks.FirstOrDefault(t => t.StepId == askStep)?.Deadline;
        values["notice.hearingRequestDeadline"] = hearing is null ? "" : Date(hearing.LastDay);
        var remedies = ApplicantRights.For(doc.Document.Kind) is { Count: > 0 } own ? own : ApplicantRights.AgainstRefusal;
        var reconsideration = remedies.FirstOrDefault(r => r.Name == ApplicantRights.AgainstRefusal[0].Name);
        var litigation = remedies.First(r => r.Name == ApplicantRights.AgainstRefusal[1].Name);
        var reconsiderationDate = doc.Dates.FirstOrDefault(d => d.Name == reconsideration?.Name);
        var litigationDate = doc.Dates.FirstOrDefault(d => d.Name == litigation.Name);
        values["notice.reconsiderationDeadline"] = reconsiderationDate is null ? "" : Date(reconsiderationDate.LastDay);
        values["notice.reconsiderationBasis"] = reconsideration?.Basis ?? "";
        values["notice.litigationDeadline"] = litigationDate is null ? "" : Date(litigationDate.LastDay);
        values["notice.litigationBasis"] = litigation.Basis;
        foreach (var (key, value) in ReconsiderationWording.Values(data)) values[key] = value;
        BatchItemFields.Fill(values, issue);
        return values;
    }

    public static string Date(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    internal static string? FirstText(IReadOnlyDictionary<string, Value> data, params string[] ids) =>
        ids.Select(id => data.GetValueOrDefault(id)).FirstOrDefault(v => v.Kind == ValueKind.String && !string.IsNullOrWhiteSpace(v.AsString)) is { Kind: ValueKind.String } found
            ? found.AsString : null;

    internal static IEnumerable<string> Strings(Value value) => value.Kind switch
    {
        ValueKind.List => value.AsList.Select(v => v.Kind == ValueKind.String ? v.AsString : v.ToString()),
        ValueKind.String => [value.AsString],
        _ => [],
    };

    private static string MaterialName(FieldDefinition? materials, string id) =>
        materials?.Items.FirstOrDefault(i => i.Id == id)?.Name ?? id;

    private static string Text(FieldDefinition field, Value value) => value.Kind switch
    {
        ValueKind.Null => "",
        ValueKind.List => string.Join("、", Strings(value).Select(s => field.Type == FieldType.Materials ? MaterialName(field, s) : s)),
        ValueKind.Boolean => value.AsBoolean ? "是" : "否",
        ValueKind.Number => value.AsNumber.ToString(CultureInfo.InvariantCulture),
        ValueKind.String when field.Type == FieldType.Date && DateOnly.TryParse(value.AsString, CultureInfo.InvariantCulture, out var d) => Date(d),
        ValueKind.String => value.AsString,
        _ => value.ToString(),
    };
}
