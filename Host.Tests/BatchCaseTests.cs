using System.Net;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Store.Documents;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// A batch case over HTTP: the 公共场所卫生许可 for three premises in one application, each decided on its own at 签发, one
/// 准予 / 不予 decision document per premises filled with the item's title and ground, and a case that closes 部分准予.
/// </summary>
public class BatchCaseTests
{
    private static readonly string[] Premises = ["东城店住宿场所", "西城店住宿场所", "南城店沐浴场所"];
    private const string Ground = "南城店沐浴场所卫生设施不符合要求，依据《公共场所卫生管理条例实施细则》不予许可";

    [Test]
    public async Task Three_premises_are_decided_each_on_its_own_with_a_document_each_and_the_case_closes_partly_granted()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var admin = await host.LoginAsync("admin");
        foreach (var kind in new[] { "grant-decision", "denial-decision" })
        {
            var template = WordFiles.WithParagraph(await admin.GetByteArrayAsync($"/api/document-templates/{kind}"), 2,
                "{{item.label}}{{item.key}}：{{item.title}}（共 {{item.count}} 项）决定：{{item.decision}}；理由和依据：{{item.ground}}");
            (await admin.PutFile($"/api/document-templates/{kind}", template, $"{kind}.docx")).Status.Should().Be(HttpStatusCode.NoContent);
        }
        (await admin.Get("/api/document-templates")).Body.GetProperty("placeholders").TryGetProperty("item.title", out _).Should().BeTrue();
        (await admin.Put("/api/admin/users/reviewer", new { posts = new[] { "business-section", "enforcement-public-places-chief" } })).Status.Should().Be(HttpStatusCode.OK);
        (await admin.Put("/api/admin/users/deputy", new { posts = new[] { "deputy-director", "party-group-member", "supervision-section-chief" } }))
            .Status.Should().Be(HttpStatusCode.OK);

        var window = await host.LoginAsync("window");
        var started = await window.Post("/api/cases", new
        {
            definitionId = "public-place-hygiene-licensing",
            data = new { applicant = "某酒店管理有限公司", contact = "0735-1", premisesName = "某酒店三处门店", premisesItems = Premises, usesCentralAc = false },
        });
        started.Status.Should().Be(HttpStatusCode.Created, started.Body.ToString());
        var id = started.Body.Id();
        var view = started.Body;
        view = await Act(window, id, view, "intake", "accept", new { data = new { materials = new[] { "application", "identity", "site-plans", "hygiene-report", "hygiene-rules" } } });
        view = await Act(await host.LoginAsync("reviewer"), id, view, "undertake", "pass",
            new { data = new { inspectors = new[] { "甲", "乙" }, credentialsShown = true, inspectionFindings = "南城店不符合" }, opinion = "见核查表" });
        view = await Act(await host.LoginAsync("deputy"), id, view, "review", "pass", new { opinion = "东城、西城符合，南城不符合" });

        var chief = await host.LoginAsync("approval-chief");
        view = (await chief.Get($"/api/cases/{id}")).Body;
        var batch = view.GetProperty("outlook").GetProperty("batch");
        batch.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("key").GetString(), i.GetProperty("title").GetString()))
            .Should().Equal(("1", Premises[0]), ("2", Premises[1]), ("3", Premises[2]));
        batch.GetProperty("open").GetInt32().Should().Be(3);
        var decide = view.Tasks().Single().GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "decide");
        decide.GetProperty("itemsToDecide").EnumerateArray().Select(k => k.GetString()).Should().Equal("1", "2", "3");
        var url = $"/api/cases/{id}/tasks/{view.Task("sign")}/actions/decide";

        var noGround = await chief.Post(url, new { opinion = "逐项签发", items = new[] { Item("1", "grant"), Item("2", "grant"), Item("3", "deny") } });
        (noGround.Status, noGround.Detail).Should().Be((HttpStatusCode.UnprocessableEntity, "不予决定须写明理由和依据：场所3（南城店沐浴场所）。"));
        var missing = await chief.Post(url, new { opinion = "逐项签发", items = new[] { Item("1", "grant"), Item("2", "grant") } });
        (missing.Status, missing.Detail).Should().Be((HttpStatusCode.UnprocessableEntity,
            "办理“逐项签发（准予或不予许可）”须对每个场所逐项作出决定（准予或不予），尚未决定：场所3（南城店沐浴场所）。"));
        var keyless = await chief.Post(url, new { opinion = "逐项签发", items = new object[] { Item("1", "grant"), new { decision = "grant" } } });
        (keyless.Status, keyless.Detail).Should().Be((HttpStatusCode.BadRequest, "items 第 2 项须写明事项编号 key。"));
        (await chief.Get($"/api/cases/{id}")).Body.GetProperty("version").GetInt64().Should().Be(view.GetProperty("version").GetInt64(), "a refusal changes nothing");
        (await host.CreateClient().Post(url, new { opinion = "x", items = new[] { Item("1", "grant") } })).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await (await host.LoginAsync("finance")).Post(url, new { opinion = "x", items = new[] { Item("1", "grant") } })).Status
            .Should().Be(HttpStatusCode.NotFound, "the case is outside the finance clerk's scope");

        var decided = await chief.Post(url, new { opinion = "逐项签发", items = new[] { Item("1", "grant"), Item("2", "grant"), Item("3", "deny", Ground) } });
        decided.Status.Should().Be(HttpStatusCode.OK, decided.Body.ToString());
        batch = decided.Body.GetProperty("outlook").GetProperty("batch");
        (batch.GetProperty("granted").GetInt32(), batch.GetProperty("denied").GetInt32(), batch.GetProperty("outcome").GetString()).Should().Be((2, 1, "mixed"));
        decided.Body.GetProperty("data").GetProperty("batch").GetProperty("outcome").GetString().Should().Be("mixed");

        var documents = (await chief.Get($"/api/cases/{id}/files")).Body.GetProperty("documents").EnumerateArray()
            .Where(d => d.GetProperty("kind").GetString() is "grant-decision" or "denial-decision").ToList();
        documents.Select(d => (d.GetProperty("kind").GetString(), d.GetProperty("sequence").GetInt32(), d.GetProperty("version").GetInt32()))
            .Should().BeEquivalentTo(new[] { ("grant-decision", 1, 1), ("grant-decision", 2, 1), ("denial-decision", 1, 1) });
        documents.Select(d => d.GetProperty("number").GetString()).Should().OnlyHaveUniqueItems();
        var texts = new List<string>();
        foreach (var d in documents) texts.Add(DocxTemplate.PlainText(await chief.GetByteArrayAsync($"/api/cases/{id}/documents/{d.GetProperty("id").GetString()}")));
        texts.Should().ContainSingle(t => t.Contains($"场所1：{Premises[0]}（共 3 项）决定：准予；理由和依据："));
        texts.Should().ContainSingle(t => t.Contains($"场所2：{Premises[1]}（共 3 项）决定：准予"));
        texts.Should().ContainSingle(t => t.Contains($"场所3：{Premises[2]}（共 3 项）决定：不予；理由和依据：{Ground}"));

        view = await Act(window, id, decided.Body, "issue", "deliver",
            new { data = new { certificateNo = "卫公证字〔2026〕001、002号", deliveryMethod = "窗口领取", publicNoticeUrl = "https://example.gov.cn/1" } });
        view = await Act(window, id, view, "archive", "archive", new { data = new { archiveNo = "2026-001" } });
        (view.GetProperty("status").GetString(), view.GetProperty("endStepId").GetString()).Should().Be(("closed", "partly-granted"));

        var history = (await chief.Get($"/api/cases/{id}/history")).Body.EnumerateArray().ToList();
        history.Single(h => h.GetProperty("type").GetString() == "items-decided").GetProperty("summary").GetString()
            .Should().Be($"逐项作出决定：场所1（{Premises[0]}）准予；场所2（{Premises[1]}）准予；场所3（{Premises[2]}）不予：{Ground}");
        history.Count(h => h.GetProperty("type").GetString() == "document-issued").Should().Be(4, "the acceptance notice and one decision per premises");
        (await chief.Get($"/api/cases/{id}/history/verify")).Body.GetProperty("valid").GetBoolean().Should().BeTrue();
    }

    private static object Item(string key, string decision, string? ground = null) => new { key, decision, ground };

    private static async Task<JsonElement> Act(HttpClient client, string id, JsonElement view, string step, string action, object body)
    {
        var reply = await client.Post($"/api/cases/{id}/tasks/{view.Task(step)}/actions/{action}", body);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Body.ToString());
        return reply.Body;
    }
}
