using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Definitions.Loading;

/// <summary>
/// The licensing hearing (行政许可法第四十六条至第四十八条) written once: a step of kind <c>hearing</c> is expanded, before the
/// definition is read, into three ordinary task steps with the statutory times, each pausing the case clock (第四十五条):
/// <list type="number">
/// <item><c>{id}</c> — the parties were told of their right; they may ask within 5 working days (第四十七条); silence goes
/// on to <c>return</c>;</item>
/// <item><c>{id}-notice</c> — the time and place are notified in writing 7 days before the hearing (第四十八条), which must
/// be held within 20 days of the request (第四十七条): the notice is due by the 13th working day;</item>
/// <item><c>{id}-held</c> — the hearing is held by someone other than the reviewer and a signed record is made
/// (第四十八条); then the case goes to <c>return</c>.</item>
/// </list>
/// The first step keeps the fragment's place (and so its line and path); the other two are appended after the last
/// step, and the case-data fields the steps need are added when the flow does not declare them.
/// </summary>
internal static class HearingFragment
{
    public const string Kind = "hearing";

    /// <summary>The case-data fields the hearing steps read and write.</summary>
    public static readonly IReadOnlyList<(string Id, string Label, FieldType Type)> Fields =
    [
        ("hearingRequestedOn", "收到听证申请日期", FieldType.Date),
        ("hearingNoticeNo", "听证通知书文号", FieldType.Text),
        ("hearingNoticeSentOn", "听证通知送达日期", FieldType.Date),
        ("hearingDate", "听证日期", FieldType.Date),
        ("hearingHost", "听证主持人（审查人员以外的人员）", FieldType.Text),
        ("hearingRecord", "听证笔录", FieldType.Text),
    ];

    private const string PauseReason = "听证（行政许可法第四十五条：听证所需时间不计算在期限内，已书面告知申请人）";

    /// <summary>
    /// Expands every hearing fragment of the definition in place, reporting mistakes in the fragment itself; false when
    /// there was none.
    /// </summary>
    public static bool Expand(JToken root, ErrorSink errors)
    {
        if (root is not JObject flow || flow["steps"] is not JArray steps) return false;
        var fragments = steps.OfType<JObject>().Where(s => s["kind"]?.Type == JTokenType.String && (string)s["kind"]! == Kind).ToList();
        if (fragments.Count == 0) return false;
        var stepIds = steps.OfType<JObject>().Select(s => s["id"]?.Type == JTokenType.String ? (string)s["id"]! : null).OfType<string>().ToHashSet();
        var fieldTypes = (flow["fields"] as JArray)?.OfType<JObject>()
            .Where(f => f["id"]?.Type == JTokenType.String)
            .GroupBy(f => (string)f["id"]!).ToDictionary(g => g.Key, g => g.First()) ?? [];
        foreach (var fragment in fragments)
            foreach (var extra in ExpandOne(fragment, stepIds, fieldTypes, errors))
                steps.Add(extra);
        AddFields(flow, fieldTypes, errors);
        return true;
    }

    private static IEnumerable<JObject> ExpandOne(JObject fragment, HashSet<string> stepIds, Dictionary<string, JObject> fields, ErrorSink errors)
    {
        var r = ObjectReader.From(fragment, errors, "听证环节")!;
        r.String("kind");
        var id = r.String("id", required: true) ?? "";
        var name = r.String("name") ?? "听证告知：等待申请人、利害关系人提出听证申请";
        var role = r.String("role", required: true) ?? "";
        var back = r.String("return", required: true);
        var notice = r.String("noticeField");
        var risk = r.String("risk");
        var reviewSteps = r.StringList("reviewSteps");
        r.RejectUnknownProperties();

        if (back is not null && !stepIds.Contains(back))
            errors.Add(r.LocationOfProperty("return"), $"听证结束后返回的环节“{back}”不存在，请改为已定义的环节编号。");
        if (notice is not null && !fields.ContainsKey(notice))
        {
            errors.Add(r.LocationOfProperty("noticeField"), $"字段“{notice}”未在“fields”中定义。");
            notice = null;
        }
        foreach (var step in reviewSteps.Where(s => !stepIds.Contains(s)))
            errors.Add(r.LocationOfProperty("reviewSteps"), $"环节“{step}”不存在。");
        if (reviewSteps.Count > 0 && risk is null)
            errors.Add(r.LocationOfProperty("reviewSteps"), "“reviewSteps”（审查人员不得主持听证）须同时写明风险点“risk”。");
        foreach (var suffix in new[] { "-notice", "-held" }.Where(s => stepIds.Contains(id + s)))
            errors.Add(r.LocationOfProperty("id"), $"听证环节展开后的“{id}{suffix}”与已有环节重名，请改用其他编号。");

        var requires = (string[] ids) => new JArray(notice is null ? ids : [notice, .. ids]);
        var organiser = new JValue(role);
        var returnTo = new JValue(back ?? "");
        // Clones keep the fragment's line (Json.NET keeps line information as an annotation), so that an error in a
        // generated step points at the fragment.
        JObject Generated(JObject properties)
        {
            var step = (JObject)fragment.DeepClone();
            step.RemoveAll();
            foreach (var p in properties.Properties().ToList()) step.Add(p.Name, p.Value);
            return step;
        }

        // The fragment becomes the first step, in place.
        fragment.RemoveAll();
        fragment.Add("id", id);
        fragment.Add("kind", "task");
        fragment.Add("name", name);
        fragment.Add("role", organiser);
        fragment.Add("description", "行政许可直接涉及申请人与他人之间重大利益关系的，作出决定前告知申请人、利害关系人享有要求听证的权利；"
            + "申请人、利害关系人在被告知之日起 5 日内提出听证申请的，应当在 20 日内组织听证（行政许可法第四十七条；第八十二条：工作日）。"
            + "逾期未提出的，继续审查。听证所需时间不计入办理时限（第四十五条），须书面告知申请人。");
        fragment.Add("timeLimit", Limit("5wd", "行政许可法第四十七条：被告知听证权利之日起五日内提出听证申请；第八十二条：工作日"));
        fragment.Add("clock", Pause());
        fragment.Add("actions", new JArray(
            Action("requested", "收到听证申请", id + "-notice", requires(["hearingRequestedOn"])),
            new JObject { ["id"] = "no-request", ["name"] = "逾期未申请听证", ["to"] = returnTo.DeepClone(), ["systemOnly"] = true }));
        fragment.Add("onTimeout", new JObject { ["action"] = "no-request", ["label"] = "被告知之日起 5 日内未提出听证申请（行政许可法第四十七条）" });

        yield return Generated(new JObject
        {
            ["id"] = id + "-notice", ["kind"] = "task", ["name"] = "书面通知听证时间、地点（听证 7 日前）", ["role"] = organiser.DeepClone(),
            ["description"] = "收到听证申请之日起 20 日内组织听证（行政许可法第四十七条）；于举行听证的 7 日前将时间、地点通知申请人、利害关系人，必要时予以公告（第四十八条）。",
            ["timeLimit"] = Limit("13wd", "行政许可法第四十七条、第四十八条：20 日内举行听证，且须于 7 日前通知，通知最迟在收到申请后第 13 个工作日发出；第八十二条：工作日"),
            ["clock"] = Pause(),
            ["actions"] = new JArray(Action("notified", "已书面通知", id + "-held", requires(["hearingNoticeNo", "hearingNoticeSentOn", "hearingDate"]))),
        });

        var held = new JObject
        {
            ["id"] = id + "-held", ["kind"] = "task", ["name"] = "举行听证，制作听证笔录", ["role"] = organiser.DeepClone(),
            ["description"] = "听证公开举行；由审查该申请的工作人员以外的人员主持；审查人员提供审查意见的证据、理由，申请人、利害关系人可以提出证据并进行申辩和质证；"
                + "听证应当制作笔录，交听证参加人确认无误后签字或者盖章，行政机关应当根据听证笔录作出决定（行政许可法第四十八条）。",
            ["timeLimit"] = Limit("7wd", "行政许可法第四十七条、第四十八条：通知后 7 日举行，全程在收到听证申请后 20 日内"),
            ["clock"] = Pause(),
            ["actions"] = new JArray(Action("held", "听证已举行，笔录已签字确认", back ?? "", new JArray("hearingHost", "hearingRecord"))),
        };
        if (risk is not null)
        {
            held["risks"] = new JArray(risk);
            var checks = new JArray();
            if (reviewSteps.Count > 0)
                checks.Add(new JObject
                {
                    ["risk"] = risk, ["check"] = "separation-of-duties", ["on"] = "complete", ["mode"] = "block",
                    ["params"] = new JObject { ["steps"] = new JArray(reviewSteps) },
                });
            checks.Add(Condition(risk, "days(hearingNoticeSentOn, hearingDate) >= 7", "听证通知须于举行听证的 7 日前送达（行政许可法第四十八条）。"));
            checks.Add(Condition(risk, "days(hearingRequestedOn, hearingDate) <= 20", "须在收到听证申请之日起 20 日内组织听证（行政许可法第四十七条）。"));
            held["checks"] = checks;
        }
        yield return Generated(held);
    }

    private static JObject Limit(string duration, string note) => new() { ["duration"] = duration, ["basis"] = "statute", ["note"] = note };

    private static JObject Pause() => new() { ["effect"] = "pause", ["reason"] = PauseReason };

    private static JObject Action(string id, string name, string to, JArray requires) =>
        new() { ["id"] = id, ["name"] = name, ["to"] = to, ["requires"] = requires };

    private static JObject Condition(string risk, string expression, string message) => new()
    {
        ["risk"] = risk, ["check"] = "condition", ["on"] = "complete", ["mode"] = "flag",
        ["params"] = new JObject { ["expression"] = expression, ["message"] = message },
    };

    /// <summary>Adds the hearing's fields the flow does not declare; a declared one must have the expected type.</summary>
    private static void AddFields(JObject flow, Dictionary<string, JObject> declared, ErrorSink errors)
    {
        if (flow["fields"] is not JArray fields) flow["fields"] = fields = [];
        foreach (var (id, label, type) in Fields)
        {
            if (declared.TryGetValue(id, out var existing))
            {
                if ((string?)existing["type"] != JsonNames.Of(type))
                    errors.Add(existing, $"听证环节使用字段“{id}”，其类型应为 {JsonNames.Of(type)}。");
                continue;
            }
            fields.Add(new JObject { ["id"] = id, ["label"] = label, ["type"] = JsonNames.Of(type) });
        }
    }
}
