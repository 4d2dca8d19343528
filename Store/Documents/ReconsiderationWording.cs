using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Store.Documents;

/// <summary>
/// The wording of 行政复议 documents that depends on the case: the competent body a refusal names (行政复议法第三十条第二款),
/// the article and the operative sentence of each kind of decision (第六十三条至第六十九条), and the respondent's
/// evidence listed item by item (第四十八条).
/// </summary>
public static class ReconsiderationWording
{
    /// <summary>Decision type (the flows' <c>decisionType</c> choice) → the article of the 2023 law it rests on.</summary>
    public static readonly IReadOnlyDictionary<string, string> Articles = new Dictionary<string, string>
    {
        ["维持"] = "第六十八条",
        ["撤销"] = "第六十四条",
        ["变更"] = "第六十三条",
        ["确认违法"] = "第六十五条",
        ["责令履行"] = "第六十六条",
        ["驳回复议请求"] = "第六十九条",
    };

    public static IEnumerable<KeyValuePair<string, string>> Values(IReadOnlyDictionary<string, Value> data)
    {
        var competent = DocumentFields.FirstText(data, "competentBody");
        yield return new("notice.competentBodyNotice", competent is null ? ""
            : $"本申请不属于本机关管辖。根据《中华人民共和国行政复议法》第三十条第二款的规定，请你（单位）向有管辖权的行政复议机关——{competent}——提出行政复议申请。");
        var type = DocumentFields.FirstText(data, "decisionType");
        yield return new("notice.decisionArticle", type is not null && Articles.TryGetValue(type, out var article) ? article : "");
        yield return new("notice.decisionOutcome", Outcome(type, DocumentFields.FirstText(data, "contestedAct") ?? "被申请复议的行政行为"));
        var evidence = DocumentFields.Strings(data.GetValueOrDefault("evidenceList")).ToList();
        yield return new("notice.evidenceList", string.Join("\n", evidence.Select((e, i) => $"{i + 1}. {e}")));
    }

    private static string Outcome(string? type, string act) => type switch
    {
        "维持" => $"维持被申请人作出的{act}。",
        "撤销" => $"撤销被申请人作出的{act}。",
        "变更" => $"变更被申请人作出的{act}，变更的内容见本决定书所述理由。",
        "确认违法" => $"确认被申请人作出的{act}违法。",
        "责令履行" => "责令被申请人在法定期限内履行法定职责。",
        "驳回复议请求" => "驳回申请人的行政复议请求。",
        _ => "",
    };
}
