using System.Net;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>转办, 委托, 加签, 督办 and escalation over HTTP with the sample officials' real sign-ins.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public class HandoverApiTests(string provider)
{
    private WorkflowHost _host = null!;

    [SetUp]
    public void StartHost() => _host = new WorkflowHost(WorkflowHost.NewDatabase(provider));

    [TearDown]
    public async Task StopHost() => await _host.DisposeAsync();

    private static async Task<JsonElement> History(HttpClient client, string caseId) => (await client.Get($"/api/cases/{caseId}/history")).Body;

    private static async Task<List<JsonElement>> WorkList(HttpClient client) => (await client.Get("/api/tasks")).Items.EnumerateArray().ToList();

    private static async Task<JsonElement> InReview(HttpClient window)
    {
        var view = await window.StartLicensingCase();
        var accepted = await window.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } });
        accepted.Status.Should().Be(HttpStatusCode.OK, accepted.Body.ToString());
        return accepted.Body;
    }

    [Test]
    public async Task A_task_transferred_to_another_holder_leaves_the_others_work_lists_and_is_theirs_alone()
    {
        var window = await _host.LoginAsync("window");
        var window2 = await _host.LoginAsync("window2");
        var chief = await _host.LoginAsync("approval-chief");
        var view = await window.StartLicensingCase();
        var (id, intake) = (view.Id(), view.Task("intake"));
        var url = $"/api/cases/{id}/tasks/{intake}/transfer";

        (await window.Post(url, new { toUserId = "reviewer", reason = "休假" })).Detail.Should().Contain("未担任");
        (await window.Post(url, new { toUserId = "window2", reason = "" })).Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await window.Post(url, new { toUserId = "window", reason = "休假" })).Detail.Should().Contain("本人");
        (await window.Post(url, new { reason = "休假" })).Status.Should().Be(HttpStatusCode.BadRequest);
        (await (await _host.LoginAsync("director")).Post(url, new { toUserId = "window2", reason = "x" })).Status.Should().Be(HttpStatusCode.NotFound);
        (await _host.CreateClient().Post(url, new { toUserId = "window2", reason = "x" })).Status.Should().Be(HttpStatusCode.Unauthorized);

        var moved = await window.Post(url, new { toUserId = "window2", reason = "王芳休假，由李娜接办" });
        moved.Status.Should().Be(HttpStatusCode.OK, moved.Body.ToString());
        (await WorkList(window)).Should().NotContain(t => t.GetProperty("caseId").GetString() == id, "the task is window2's now");
        var transferred = (await WorkList(window2)).Should().ContainSingle(t => t.GetProperty("caseId").GetString() == id).Which;
        transferred.GetProperty("assignedToMe").GetBoolean().Should().BeTrue();
        transferred.GetProperty("assignedTo").GetProperty("id").GetString().Should().Be("window2");
        transferred.GetProperty("assignment").GetString().Should().Be(view.Tasks().Single().GetProperty("assignment").GetString());
        (await window.Post($"/api/cases/{id}/tasks/{intake}/actions/accept", new { data = new { materials = Api.AllMaterials } }))
            .Status.Should().Be(HttpStatusCode.Forbidden);

        // The head of the window's department hands it back; the head's own name is nowhere in the item its holder sees.
        (await chief.Post(url, new { toUserId = "window", reason = "李娜外出，交回王芳" })).Status.Should().Be(HttpStatusCode.OK);
        var back = (await WorkList(window)).Single(t => t.GetProperty("caseId").GetString() == id);
        back.GetProperty("assignedTo").GetProperty("id").GetString().Should().Be("window");
        back.GetProperty("assignedTo").GetProperty("name").GetString().Should().Be("窗口 王芳");
        back.GetProperty("assignment").GetString().Should().Be(view.Tasks().Single().GetProperty("assignment").GetString());
        (await window.Post($"/api/cases/{id}/tasks/{intake}/actions/accept", new { data = new { materials = Api.AllMaterials } }))
            .Status.Should().Be(HttpStatusCode.OK);
        var transfers = (await History(window, id)).EnumerateArray().Where(h => h.GetProperty("type").GetString() == "task-transferred").ToList();
        transfers.Should().HaveCount(2);
        transfers[0].GetProperty("summary").GetString().Should().Contain("转办").And.Contain("王芳休假，由李娜接办");
        (await window.Post(url, new { toUserId = "window2", reason = "x" })).Status.Should().Be(HttpStatusCode.NotFound, "the task is closed");
    }

    [Test]
    public async Task A_stand_in_sees_and_acts_on_the_principals_tasks_within_the_period_and_the_history_says_for_whom()
    {
        var window = await _host.LoginAsync("window");
        var reviewer = await _host.LoginAsync("reviewer");
        var deputy = await _host.LoginAsync("deputy");
        var standIn = await _host.LoginAsync("party-member");
        var supervisor = await _host.LoginAsync("supervisor");
        var admin = await _host.LoginAsync("admin");
        var period = new { from = DateTimeOffset.Parse("2026-03-01T00:00+08:00"), to = DateTimeOffset.Parse("2026-03-20T00:00+08:00") };

        (await deputy.Post("/api/delegations", new { standInUserId = "party-member", posts = new[] { "approval-window" }, period.from, period.to, reason = "休假" }))
            .Status.Should().Be(HttpStatusCode.UnprocessableEntity, "the deputy does not hold the window's post");
        (await deputy.Post("/api/delegations", new { standInUserId = "deputy", period.from, period.to, reason = "休假" }))
            .Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await window.Post("/api/delegations", new { principalId = "deputy", standInUserId = "window", period.from, period.to, reason = "x" }))
            .Status.Should().Be(HttpStatusCode.Forbidden);
        (await _host.CreateClient().Post("/api/delegations", new { standInUserId = "party-member", period.from, period.to, reason = "x" }))
            .Status.Should().Be(HttpStatusCode.Unauthorized);
        var made = await deputy.Post("/api/delegations", new { standInUserId = "party-member", posts = new[] { "deputy-director" }, period.from, period.to, reason = "公务出差" });
        made.Status.Should().Be(HttpStatusCode.Created, made.Body.ToString());
        made.Body.GetProperty("status").GetString().Should().Be("active");
        var delegation = made.Body.GetProperty("id").GetString()!;

        var view = await InReview(window);
        var id = view.Id();
        view = (await reviewer.Post($"/api/cases/{id}/tasks/{view.Task("review")}/actions/pass", new { opinion = "符合条件" })).Body;
        var item = (await WorkList(standIn)).Single(t => t.GetProperty("caseId").GetString() == id);
        item.GetProperty("actingFor").GetString().Should().NotBeNullOrEmpty();
        var standInView = (await standIn.Get($"/api/cases/{id}")).Body;
        standInView.Tasks().Single().GetProperty("actingFor").GetProperty("id").GetString().Should().Be("deputy");
        var agreed = await standIn.Post($"/api/cases/{id}/tasks/{view.Task("approve-deputy")}/actions/agree", new { opinion = "同意（代签）" });
        agreed.Status.Should().Be(HttpStatusCode.OK, agreed.Body.ToString());
        var acted = (await History(window, id)).EnumerateArray().Last(h => h.GetProperty("type").GetString() == "action-taken");
        acted.GetProperty("actorId").GetString().Should().Be("party-member");
        acted.GetProperty("summary").GetString().Should().Contain(" 代 ");

        (await standIn.Get("/api/delegations")).Body.EnumerateArray().Should().ContainSingle(d => d.GetProperty("id").GetString() == delegation);
        (await supervisor.Get("/api/delegations")).Body.EnumerateArray().Should().Contain(d => d.GetProperty("id").GetString() == delegation);
        (await window.Get("/api/delegations")).Body.EnumerateArray().Should().BeEmpty();
        (await standIn.SendDelete($"/api/delegations/{delegation}")).Should().Be(HttpStatusCode.Forbidden);
        (await window.SendDelete($"/api/delegations/{delegation}")).Should().Be(HttpStatusCode.NotFound);
        (await deputy.SendDelete($"/api/delegations/{delegation}")).Should().Be(HttpStatusCode.NoContent);
        (await WorkList(standIn)).Should().BeEmpty("a revoked delegation gives nothing");

        var forAbsent = await admin.Post("/api/delegations", new { principalId = "director", standInUserId = "deputy2", period.from, period.to, reason = "主任住院" });
        forAbsent.Status.Should().Be(HttpStatusCode.Created, "an administrator sets the stand-in of someone absent");
    }

    [Test]
    public async Task A_stand_in_who_reviewed_the_case_cannot_approve_it_for_the_principal()
    {
        var window = await _host.LoginAsync("window");
        var reviewer = await _host.LoginAsync("reviewer");
        var deputy = await _host.LoginAsync("deputy");
        (await deputy.Post("/api/delegations", new { standInUserId = "reviewer", posts = new[] { "deputy-director" },
            from = DateTimeOffset.Parse("2026-03-01T00:00+08:00"), to = DateTimeOffset.Parse("2026-03-20T00:00+08:00"), reason = "休假" }))
            .Status.Should().Be(HttpStatusCode.Created);
        var view = await InReview(window);
        view = (await reviewer.Post($"/api/cases/{view.Id()}/tasks/{view.Task("review")}/actions/pass", new { opinion = "符合条件" })).Body;
        var refused = await reviewer.Post($"/api/cases/{view.Id()}/tasks/{view.Task("approve-deputy")}/actions/agree", new { opinion = "同意" });
        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        refused.Body.GetProperty("check").GetString().Should().Be("separation-of-duties");
    }

    [Test]
    public async Task A_signer_added_before_the_holder_signs_first_and_one_after_holds_the_case_until_signed()
    {
        var window = await _host.LoginAsync("window");
        var reviewer = await _host.LoginAsync("reviewer");
        var chief = await _host.LoginAsync("approval-chief");
        var view = await InReview(window);
        var (id, review) = (view.Id(), view.Task("review"));

        (await window.Post($"/api/cases/{id}/tasks/{view.Task("review")}/add-signer", new { userId = "approval-chief", position = "before", reason = "x" }))
            .Status.Should().Be(HttpStatusCode.Forbidden);
        (await reviewer.Post($"/api/cases/{id}/tasks/{review}/add-signer", new { userId = "approval-chief", position = "sideways", reason = "x" }))
            .Status.Should().Be(HttpStatusCode.BadRequest);
        var added = await reviewer.Post($"/api/cases/{id}/tasks/{review}/add-signer", new { userId = "approval-chief", position = "before", reason = "涉及审批科意见" });
        added.Status.Should().Be(HttpStatusCode.OK, added.Body.ToString());
        (await reviewer.Post($"/api/cases/{id}/tasks/{review}/actions/pass", new { opinion = "符合条件" })).Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await WorkList(chief)).Should().ContainSingle(t => t.GetProperty("caseId").GetString() == id);
        (await reviewer.Post($"/api/cases/{id}/tasks/{review}/sign", new { decision = "agree", opinion = "同意" })).Status.Should().Be(HttpStatusCode.Forbidden);
        (await chief.Post($"/api/cases/{id}/tasks/{review}/sign", new { decision = "agree", opinion = "材料齐全，同意" })).Status.Should().Be(HttpStatusCode.OK);

        (await reviewer.Post($"/api/cases/{id}/tasks/{review}/add-signer", new { userId = "finance", position = "after", reason = "涉及收费" })).Status.Should().Be(HttpStatusCode.OK);
        var held = await reviewer.Post($"/api/cases/{id}/tasks/{review}/actions/pass", new { opinion = "符合条件" });
        held.Body.OpenSteps().Should().Equal("review");
        var finance = await _host.LoginAsync("finance");
        var signed = await finance.Post($"/api/cases/{id}/tasks/{review}/sign", new { decision = "agree", opinion = "收费无误" });
        signed.Status.Should().Be(HttpStatusCode.OK, signed.Body.ToString());
        signed.Body.OpenSteps().Should().Equal("approve-deputy");
        (await History(window, id)).EnumerateArray().Select(h => h.GetProperty("type").GetString())
            .Should().ContainInOrder("signer-added", "signer-signed", "signer-added", "action-taken", "signer-signed");
    }

    [Test]
    public async Task A_supervisor_urges_the_handler_answers_and_lateness_is_recorded_in_the_history_and_the_ledger()
    {
        var window = await _host.LoginAsync("window");
        var reviewer = await _host.LoginAsync("reviewer");
        var supervisor = await _host.LoginAsync("supervisor");
        var chief = await _host.LoginAsync("approval-chief");
        var view = await InReview(window);
        var (id, review) = (view.Id(), view.Task("review"));
        var soon = DateTimeOffset.Parse("2026-03-02T11:00+08:00");

        foreach (var (who, may) in new[] { (window, false), (supervisor, true), (chief, true) })
            (await who.Get($"/api/cases/{id}")).Body.GetProperty("outlook").GetProperty("urge").GetProperty("allowed").GetBoolean().Should().Be(may);
        var refused = await window.Post($"/api/cases/{id}/urges", new { taskId = review, message = "请加快", replyBy = soon });
        refused.Status.Should().Be(HttpStatusCode.Forbidden);
        refused.Body.GetProperty("detail").GetString().Should().Be((await window.Get($"/api/cases/{id}")).Body.GetProperty("outlook").GetProperty("urge").GetProperty("reason").GetString());
        (await (await _host.LoginAsync("legal")).Post($"/api/cases/{id}/urges", new { message = "x", replyBy = soon })).Status.Should().Be(HttpStatusCode.NotFound);
        (await supervisor.Post($"/api/cases/{id}/urges", new { message = "x" })).Status.Should().Be(HttpStatusCode.BadRequest);
        var urged = await supervisor.Post($"/api/cases/{id}/urges", new { taskId = review, message = "请说明审核进度", replyBy = soon });
        urged.Status.Should().Be(HttpStatusCode.OK, urged.Body.ToString());
        (await chief.Post($"/api/cases/{id}/urges", new { message = "科长催办：尽快受理完毕", replyBy = soon.AddDays(2) })).Status.Should().Be(HttpStatusCode.OK,
            "the head of the department of the one who started it may urge");

        (await WorkList(reviewer)).Single(t => t.GetProperty("caseId").GetString() == id).GetProperty("openUrges").GetInt32().Should().Be(2);
        var mine = (await reviewer.Get("/api/urges")).Items.EnumerateArray().ToList();
        mine.Should().HaveCount(2);
        var first = mine.Single(u => u.GetProperty("message").GetString() == "请说明审核进度").GetProperty("id").GetString()!;
        (await window.Post($"/api/urges/{first}/answer", new { answer = "不是我的" })).Status.Should().Be(HttpStatusCode.Forbidden);
        (await (await _host.LoginAsync("legal")).Post($"/api/urges/{first}/answer", new { answer = "x" })).Status.Should().Be(HttpStatusCode.NotFound);

        await supervisor.Post("/api/clock/advance", new { duration = "PT3H" });
        (await supervisor.Get("/api/urges?status=late")).Items.EnumerateArray().Should().ContainSingle(u => u.GetProperty("id").GetString() == first);
        var answered = await reviewer.Post($"/api/urges/{first}/answer", new { answer = "今日下午完成审核" });
        answered.Status.Should().Be(HttpStatusCode.OK, answered.Body.ToString());
        (await reviewer.Post($"/api/urges/{first}/answer", new { answer = "再答" })).Status.Should().Be(HttpStatusCode.UnprocessableEntity);

        var ledger = (await supervisor.Get("/api/risk-events")).Items.EnumerateArray().Where(r => r.GetProperty("caseId").GetString() == id)
            .Select(r => r.GetProperty("riskText").GetString()).ToList();
        ledger.Should().Contain(["督办", "督办逾期未回复", "督办逾期回复"]);
        var types = (await History(supervisor, id)).EnumerateArray().Select(h => h.GetProperty("type").GetString()).ToList();
        types.Should().ContainInOrder("urged", "urged", "urge-overdue", "urge-answered");
        (await supervisor.Get($"/api/cases/{id}/history/verify")).Body.GetProperty("valid").GetBoolean().Should().BeTrue();
        (await supervisor.Get("/api/urges?status=answered")).Items.EnumerateArray().Should().ContainSingle(u => u.GetProperty("id").GetString() == first);
        (await supervisor.Get("/api/urges?status=soon")).Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_case_red_for_three_working_days_is_escalated_to_the_departments_leader()
    {
        var window = await _host.LoginAsync("window");
        var supervisor = await _host.LoginAsync("supervisor");
        var deputy = await _host.LoginAsync("deputy");
        var view = await InReview(window);
        var id = view.Id();

        await supervisor.Post("/api/clock/advance", new { duration = "P5D" });  // review red since 03-06 00:00: 1 working day by 03-07
        (await deputy.Get("/api/urges")).Items.EnumerateArray().Should().BeEmpty();
        await supervisor.Post("/api/clock/advance", new { duration = "P3D" });  // 03-10: 03-06, 03-09, 03-10
        var escalation = (await deputy.Get("/api/urges")).Items.EnumerateArray().Should().ContainSingle().Which;
        escalation.GetProperty("kind").GetString().Should().Be("escalation");
        escalation.GetProperty("caseId").GetString().Should().Be(id);
        (await History(supervisor, id)).EnumerateArray().Should().Contain(h => h.GetProperty("type").GetString() == "escalated");
        (await window.Post($"/api/urges/{escalation.GetProperty("id").GetString()}/answer", new { answer = "x" })).Status.Should().Be(HttpStatusCode.Forbidden);
        (await deputy.Post($"/api/urges/{escalation.GetProperty("id").GetString()}/answer", new { answer = "已责成业务科室今日办结" }))
            .Status.Should().Be(HttpStatusCode.OK);
        await supervisor.Post("/api/clock/advance", new { duration = "P1D" });
        (await supervisor.Get("/api/urges?status=all")).Items.EnumerateArray().Count(u => u.GetProperty("kind").GetString() == "escalation")
            .Should().Be(1, "a case is escalated to a leader once");
    }
}
