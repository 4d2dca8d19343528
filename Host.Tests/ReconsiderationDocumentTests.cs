using System.Net;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Store.Documents;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// 行政复议 documents under the 2023 law: the authority side's 补正通知书, 受理通知书, 不予受理决定书 and 决定书, and the
/// respondent's 答复书, each numbered by the agency's pattern and citing the articles that apply.
/// </summary>
public class ReconsiderationDocumentTests
{
    private static readonly object Agency = new
    {
        fullName = "湘南市卫生健康委员会", shortName = "湘南市卫健委", address = "湘南市政务服务中心二楼", telephone = "0735-2888888",
        reconsiderationBody = "湘南市人民政府", court = "湘南市北湖区人民法院",
        numberPatterns = new Dictionary<string, string>
        {
            ["reconsideration-correction-notice"] = "湘南卫复补字〔{year}〕第{n}号", ["reconsideration-decision"] = "湘南卫复决字〔{year}〕第{n}号",
        },
    };

    [Test]
    public async Task The_authority_side_notifies_correction_accepts_with_its_deadline_and_decides_citing_the_article_of_the_decision()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        (await (await host.LoginAsync("admin")).Put("/api/agency-settings", Agency)).Status.Should().Be(HttpStatusCode.OK);
        var officer = await host.LoginAsync("legal");
        var view = await StartAsync(officer);
        var id = view.Id();

        view = await ActAsync(officer, view, "acceptance-review", "request-correction",
            new { missingItems = new[] { "被申请复议的行政处罚决定书复印件", "申请人身份证明" }, correctionRequirements = "请提交复印件并签名" }, "材料不全");
        var correction = await TextAsync(officer, id, "reconsideration-correction-notice");
        correction.Should().Contain("行政复议补正通知书").And.Contain("湘南卫复补字〔2026〕第1号").And.Contain("张某")
            .And.Contain("湘南县卫生健康局作出的行政处罚决定").And.Contain("1. 被申请复议的行政处罚决定书复印件").And.Contain("2. 申请人身份证明")
            .And.Contain("补正要求：请提交复印件并签名").And.Contain("第三十一条").And.Contain("自收到本通知书之日起十日内")
            .And.Contain("视为放弃行政复议申请").And.NotContain("行政许可法").And.NotContain("{{");

        view = await ActAsync(officer, view, "correction-delivery", "received", new { correctionNoticeReceivedOn = "2026-03-02" });
        view = await ActAsync(officer, view, "correction", "corrected", new { });
        view = await ActAsync(officer, view, "acceptance-review", "accept",
            new { conditions = new[] { "respondent-clear", "request-and-facts", "within-scope", "within-period" } });
        var acceptance = await TextAsync(officer, id, "reconsideration-acceptance-notice");
        acceptance.Should().Contain("行政复议受理通知书").And.Contain("卫复受字〔2026〕第1号", "a kind without the agency's pattern uses the shipped one")
            .And.Contain("复议请求为：撤销行政处罚决定").And.Contain("第三十条第一款").And.Contain("受理日期为2026年3月2日")
            .And.Contain("本机关将于2026年5月6日前作出行政复议决定", "60 days from 03-02 end on 05-01, in the May Day holiday: 05-06")
            .And.Contain("第六十二条").And.Contain("第四十二条").And.NotContain("行政许可法");

        view = await ActAsync(officer, view, "stay-decision", "no-stay", new { });
        view = await ActAsync(officer, view, "respondent-copy", "sent", new { });
        view = await ActAsync(officer, view, "respondent-reply", "received", new { replyReceivedOn = "2026-03-02" });
        view = await ActAsync(officer, view, "hearing", "propose",
            new { decisionType = "撤销", decisionReasons = "被申请人认定的违法事实证据不足。" }, "拟撤销");
        await ActAsync(await host.LoginAsync("director"), view, "decision", "approve", new { }, "同意撤销");
        var decision = await TextAsync(officer, id, "reconsideration-decision");
        decision.Should().Contain("行政复议决定书").And.Contain("湘南卫复决字〔2026〕第1号").And.Contain("申请人：张某").And.Contain("被申请人：湘南县卫生健康局")
            .And.Contain("本机关认为：被申请人认定的违法事实证据不足。").And.Contain("《中华人民共和国行政复议法》第六十四条的规定")
            .And.Contain("本机关决定：撤销被申请人作出的行政处罚决定。").And.Contain("十五日内（即2026年3月17日前，《中华人民共和国行政诉讼法》第四十五条）")
            .And.Contain("向湘南市北湖区人民法院提起行政诉讼").And.Contain("第七十五条").And.NotContain("{{").And.NotContain("内部");

        // The print preview shows the issued document's own text, line by line; an unknown format is refused.
        var record = (await officer.Get($"/api/cases/{id}/files")).Body.GetProperty("documents").EnumerateArray()
            .Last(d => d.GetProperty("kind").GetString() == "reconsideration-decision").GetProperty("id").GetString();
        var lines = (await officer.Get($"/api/cases/{id}/documents/{record}?format=text")).Body.GetProperty("lines").EnumerateArray()
            .Select(l => l.GetString()).ToList();
        lines.Take(3).Should().Equal("湘南市卫生健康委员会", "行政复议决定书", "湘南卫复决字〔2026〕第1号");
        lines.Should().Contain("本机关决定：撤销被申请人作出的行政处罚决定。".Insert(0, "根据《中华人民共和国行政复议法》第六十四条的规定，"));
        var wrong = await officer.Get($"/api/cases/{id}/documents/{record}?format=xml");
        wrong.Status.Should().Be(HttpStatusCode.BadRequest);
        wrong.Detail.Should().Contain("format 应为 docx、pdf 或 text");
    }

    [Test]
    public async Task A_refusal_for_want_of_jurisdiction_names_the_competent_body_and_the_fifteen_days_to_sue()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        (await (await host.LoginAsync("admin")).Put("/api/agency-settings", Agency)).Status.Should().Be(HttpStatusCode.OK);
        var officer = await host.LoginAsync("legal");
        var view = await StartAsync(officer);
        var url = $"/api/cases/{view.Id()}/tasks/{view.Task("acceptance-review")}/actions/not-competent";
        var noGround = await officer.Post(url, new { data = new { competentBody = "湘南市人民政府", applicantInformed = true }, opinion = "不属于本机关管辖" });
        noGround.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        noGround.Detail.Should().Contain("不予受理的理由");

        await ActAsync(officer, view, "acceptance-review", "not-competent",
            new { competentBody = "湘南市人民政府", applicantInformed = true, refusalGround = "被申请人系湘南市人民政府的工作部门。" }, "不属于本机关管辖");
        var text = await TextAsync(officer, view.Id(), "reconsideration-refusal-decision");
        text.Should().Contain("行政复议不予受理决定书").And.Contain("卫复不受字〔2026〕第1号").And.Contain("经审查，被申请人系湘南市人民政府的工作部门。")
            .And.Contain("第三十条第二款").And.Contain("有管辖权的行政复议机关——湘南市人民政府——提出行政复议申请")
            .And.Contain("十五日内（即2026年3月17日前").And.Contain("向湘南市北湖区人民法院提起行政诉讼").And.NotContain("六十日");
    }

    [Test]
    public async Task The_respondent_reply_goes_to_the_reconsideration_body_with_its_evidence_listed_item_by_item()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        (await (await host.LoginAsync("admin")).Put("/api/agency-settings", Agency)).Status.Should().Be(HttpStatusCode.OK);
        var officer = await host.LoginAsync("legal");
        var started = await officer.Post("/api/cases", new
        {
            definitionId = "administrative-reconsideration-respondent",
            data = new { applicant = "张某", reconsiderationBody = "湘南市人民政府", contestedAct = "湘南卫医罚〔2026〕3号行政处罚决定", copyReceivedOn = "2026-02-27" },
        });
        started.Status.Should().Be(HttpStatusCode.Created, started.Body.ToString());
        var view = started.Body;
        view = await ActAsync(officer, view, "register", "assign", new { handlingSection = "医政医管科" });
        view = await ActAsync(await host.LoginAsync("reviewer"), view, "prepare-reply", "draft", new
        {
            evidenceList = new[] { "现场检查笔录", "询问笔录", "行政处罚决定书送达回证" }, legalBasis = "《医疗机构管理条例》第二十四条",
            replyDraft = "被申请人作出的行政处罚决定认定事实清楚，证据确凿，程序合法。",
        });
        view = await ActAsync(await host.LoginAsync("approval-chief"), view, "legal-review", "pass", new { }, "同意");
        await ActAsync(await host.LoginAsync("deputy"), view, "sign", "sign", new { }, "签发");

        var text = await TextAsync(officer, view.Id(), "reconsideration-reply");
        text.Should().Contain("行政复议答复书").And.Contain("卫复答字〔2026〕第1号").And.Contain("湘南市人民政府：")
            .And.Contain("答复人：湘南市卫生健康委员会").And.Contain("张某不服本机关作出的湘南卫医罚〔2026〕3号行政处罚决定")
            .And.Contain("本机关于2026年2月27日收到行政复议申请书副本").And.Contain("第四十八条")
            .And.Contain("被申请人作出的行政处罚决定认定事实清楚").And.Contain("《医疗机构管理条例》第二十四条")
            .And.Contain("1. 现场检查笔录").And.Contain("3. 行政处罚决定书送达回证").And.NotContain("申请人（签收）").And.NotContain("{{");
    }

    private static async Task<JsonElement> StartAsync(HttpClient officer)
    {
        var reply = await officer.Post("/api/cases", new
        {
            definitionId = "administrative-reconsideration",
            data = new { applicant = "张某", respondent = "湘南县卫生健康局", contestedAct = "行政处罚决定", request = "撤销行政处罚决定", applicationMethod = "书面申请" },
        });
        reply.Status.Should().Be(HttpStatusCode.Created, reply.Body.ToString());
        return reply.Body;
    }

    private static async Task<JsonElement> ActAsync(HttpClient user, JsonElement view, string step, string action, object data, string? opinion = null)
    {
        var reply = await user.Post($"/api/cases/{view.Id()}/tasks/{view.Task(step)}/actions/{action}", new { data, opinion });
        reply.Status.Should().Be(HttpStatusCode.OK, $"{step}/{action}: {reply.Body}");
        return reply.Body;
    }

    /// <summary>The text of the case's last issued document of this kind.</summary>
    private static async Task<string> TextAsync(HttpClient user, string caseId, string kind)
    {
        var document = (await user.Get($"/api/cases/{caseId}/files")).Body.GetProperty("documents").EnumerateArray()
            .Last(d => d.GetProperty("kind").GetString() == kind);
        return DocxTemplate.PlainText(await user.GetByteArrayAsync($"/api/cases/{caseId}/documents/{document.GetProperty("id").GetString()}"));
    }
}
