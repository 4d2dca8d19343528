using System.Net;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>A licensing case driven through the API by users holding the right posts, and every way a request can be refused.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public class CaseApiTests(string provider)
{
    private WorkflowHost _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = new WorkflowHost(WorkflowHost.NewDatabase(provider));

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task A_case_runs_from_intake_to_the_licence_through_the_users_holding_each_post()
    {
        var clerk = await _host.LoginAsync("window");
        var reviewer = await _host.LoginAsync("reviewer");
        var deputy = await _host.LoginAsync("deputy");
        var director = await _host.LoginAsync("director");

        var view = await clerk.StartLicensingCase();
        var id = view.Id();
        view.GetProperty("caseNo").GetString().Should().MatchRegex(@"^2026-\d{6}$");
        view.GetProperty("riskPoints")[0].GetProperty("text").GetString().Should().Contain("申请材料是否齐全");
        view.Tasks().First().GetProperty("riskPointIds")[0].GetString().Should().Be(view.GetProperty("riskPoints")[0].GetProperty("id").GetString());

        var step = await clerk.Post($"/api/cases/{id}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } },
            ifMatch: $"\"{view.Version()}\"");
        step.Status.Should().Be(HttpStatusCode.OK, step.Body.ToString());
        step.ETag.Should().Be($"\"{step.Body.Version()}\"");
        step.Body.CaseDeadline().GetProperty("dueAt").GetString().Should().Be("2026-03-31T00:00:00+08:00");

        var work = await reviewer.Get("/api/tasks");
        var item = work.Items.EnumerateArray().Single(t => t.GetProperty("caseId").GetString() == id);
        item.GetProperty("stepId").GetString().Should().Be("review");
        item.GetProperty("dueAt").GetString().Should().Be("2026-03-06T00:00:00+08:00", "3 working days after Monday 03-02");
        item.GetProperty("warnAt").GetString().Should().Be("2026-03-05T00:00:00+08:00");
        item.GetProperty("workingDaysLeft").GetInt32().Should().Be(3);
        item.GetProperty("level").GetString().Should().Be("normal");

        step = await reviewer.Post($"/api/cases/{id}/tasks/{step.Body.Task("review")}/actions/pass", new { opinion = "符合条件" });
        step = await deputy.Post($"/api/cases/{id}/tasks/{step.Body.Task("approve-deputy")}/actions/agree", new { opinion = "同意" });
        step = await director.Post($"/api/cases/{id}/tasks/{step.Body.Task("approve-director")}/actions/grant", new { opinion = "准予许可" });
        step = await clerk.Post($"/api/cases/{id}/tasks/{step.Body.Task("issue")}/actions/deliver",
            new { data = new { certificateNo = "湘卫母婴字〔2026〕001号", deliveryMethod = "窗口领取" } });
        step = await clerk.Post($"/api/cases/{id}/tasks/{step.Body.Task("publish-decision")}/actions/published",
            new { data = new { publicationRef = "市卫生健康委网站 2026-03-03" } });

        step.Status.Should().Be(HttpStatusCode.OK);
        step.Body.GetProperty("status").GetString().Should().Be("closed");
        step.Body.GetProperty("outcome").GetString().Should().Be("granted");
        var history = await clerk.Get($"/api/cases/{id}/history");
        history.Body.EnumerateArray().Select(h => h.GetProperty("actorName").GetString()).Should().Contain(["窗口 王芳", "业务科室 赵强", "副主任 刘洋", "主任 陈明"]);
        (await clerk.Get($"/api/cases/{id}/history/verify")).Body.GetProperty("valid").GetBoolean().Should().BeTrue();
    }

    [Test]
    public async Task Acting_without_the_post_is_403_and_changes_nothing()
    {
        var clerk = await _host.LoginAsync("window");
        var supervisor = await _host.LoginAsync("supervisor");
        var view = await clerk.StartLicensingCase();

        // The supervisor sees every case (outside one's scope a case is 404, see ScopeTests) but holds no post to act on it.
        var reply = await supervisor.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } });

        reply.Status.Should().Be(HttpStatusCode.Forbidden);
        reply.Body.GetProperty("code").GetString().Should().Be("wrong-role", "refusal codes are spelled as the outlook spells them");
        reply.Detail.Should().Contain("窗口");
        (await clerk.Get($"/api/cases/{view.Id()}")).Body.Version().Should().Be(view.Version());
    }

    [Test]
    public async Task A_stale_If_Match_is_409()
    {
        var clerk = await _host.LoginAsync("window");
        var view = await clerk.StartLicensingCase();
        var first = await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/request-correction",
            new { data = new { materials = new[] { "application" }, missingItems = new[] { "identity", "qualification", "premises" }, correctionRequirements = "请提交复印件并加盖公章" }, opinion = "一次性告知" },
            ifMatch: $"\"{view.Version()}\"");
        first.Status.Should().Be(HttpStatusCode.OK);

        var stale = await clerk.Post($"/api/cases/{view.Id()}/tasks/{first.Body.Task("correction")}/actions/corrected",
            new { data = new { materials = Api.AllMaterials } }, ifMatch: $"\"{view.Version()}\"");

        stale.Status.Should().Be(HttpStatusCode.Conflict);
        stale.Body.GetProperty("code").GetString().Should().Be("stale-version");
        (await clerk.Get($"/api/cases/{view.Id()}")).Body.Version().Should().Be(first.Body.Version());
    }

    [Test]
    public async Task A_rule_refusal_is_422_naming_the_risk_point_and_rule()
    {
        var clerk = await _host.LoginAsync("window");
        var view = await clerk.StartLicensingCase();

        var reply = await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = new[] { "application" } } });

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.Body.GetProperty("riskPointId").GetString().Should().Be("①");
        reply.Body.GetProperty("check").GetString().Should().Be("materials-complete");
        reply.Detail.Should().StartWith("风险点①（二级风险）：以下必备材料尚未核对齐全");
    }

    [Test]
    public async Task Without_a_token_every_route_but_health_and_login_is_401()
    {
        var anonymous = _host.CreateClient();
        foreach (var url in new[] { "/api/tasks", "/api/cases", "/api/definitions", "/api/alerts", "/openapi/v1.json", "/api/calendar/deadline?from=2026-02-13&add=5wd" })
            (await anonymous.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, url);
        (await anonymous.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.Post("/api/auth/login", new { username = "window", password = "wrong" })).Status.Should().Be(HttpStatusCode.Unauthorized);
        var bearer = _host.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "forged-token");
        (await bearer.GetAsync("/api/tasks")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_democratic_recommendation_is_voted_per_candidate_and_its_results_become_case_data()
    {
        var personnel = await _host.LoginAsync("personnel");
        var started = await personnel.Post("/api/cases", new
        {
            definitionId = "cadre-appointment",
            data = new { position = "医政医管科科长", positionConditions = "五年以上", selectionMethod = "民主推荐", nominees = new[] { "李明", "王芳" } },
        });
        started.Status.Should().Be(HttpStatusCode.Created);
        var id = started.Body.Id();
        var view = (await personnel.Post($"/api/cases/{id}/tasks/{started.Body.Task("deliberation")}/actions/submit", new { data = new { }, opinion = "民主推荐" })).Body;
        var task = view.Task("recommendation");
        view.Tasks().Single().GetProperty("vote").GetProperty("candidates").GetProperty("names").EnumerateArray().Select(n => n.GetString())
            .Should().Equal("李明", "王芳");

        var bad = await personnel.Post($"/api/cases/{id}/tasks/{task}/vote/cast", new { candidates = new Dictionary<string, string> { ["李明"] = "yes" } });
        bad.Status.Should().Be(HttpStatusCode.BadRequest);
        bad.Detail.Should().Be("candidates 中“李明”的意见应为 for（同意）、against（不同意）或 abstain（弃权）。");
        foreach (var user in new[] { "personnel", "section-chief", "finance", "staff1", "staff2" })
        {
            var member = user == "personnel" ? personnel : await _host.LoginAsync(user);
            (await member.Post($"/api/cases/{id}/tasks/{task}/vote/attend", new { })).Status.Should().Be(HttpStatusCode.OK);
            var choice = user is "staff2" ? "against" : "for";
            (await member.Post($"/api/cases/{id}/tasks/{task}/vote/cast", new { candidates = new Dictionary<string, string> { ["李明"] = choice } }))
                .Status.Should().Be(HttpStatusCode.OK);
        }
        var closed = await personnel.Post($"/api/cases/{id}/tasks/{task}/vote/close", new { });
        closed.Status.Should().Be(HttpStatusCode.OK);
        var results = closed.Body.GetProperty("data").GetProperty("recommendation");
        results.GetProperty("passed").EnumerateArray().Select(n => n.GetString()).Should().Equal("李明");
        closed.Body.OpenSteps().Should().Equal("shortlist-proposal");
    }

    [Test]
    public async Task Bad_bodies_are_400_or_422_and_nothing_is_stored()
    {
        var clerk = await _host.LoginAsync("window");
        var before = await CountCasesAsync();

        (await clerk.PostText("/api/cases", "{ not json")).Status.Should().Be(HttpStatusCode.BadRequest);
        (await clerk.Post("/api/cases", new { data = new { } })).Status.Should().Be(HttpStatusCode.BadRequest);
        (await clerk.Post("/api/cases", new { definitionId = "licensing-approval", data = new[] { 1 } })).Status.Should().Be(HttpStatusCode.BadRequest);
        var huge = await clerk.PostText("/api/cases", """{ "definitionId": "licensing-approval", "data": { "amount": 1e40 } }""");
        huge.Status.Should().Be(HttpStatusCode.BadRequest);
        huge.Detail.Should().Be("数值 1e40 超出可处理的范围。");
        var missing = await clerk.Post("/api/cases", new { definitionId = "licensing-approval", data = new { applicant = "甲" } });
        missing.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        missing.Detail.Should().Be("缺少必填项：联系电话、申请事项、办件类型。");
        var badType = await clerk.Post("/api/cases", new { definitionId = "licensing-approval", data = new { applicant = "甲", contact = "1", item = "乙", kind = "加急件" } });
        badType.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await clerk.Post("/api/cases", new { definitionId = "no-such-flow", data = new { } })).Status.Should().Be(HttpStatusCode.NotFound);

        var view = await clerk.StartLicensingCase();
        (await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } }, ifMatch: "\"abc\""))
            .Status.Should().Be(HttpStatusCode.BadRequest);
        (await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/fly", new { })).Status.Should().Be(HttpStatusCode.NotFound);
        (await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/vote/cast", new { choice = "maybe" })).Status.Should().Be(HttpStatusCode.BadRequest);

        (await CountCasesAsync()).Should().Be(before + 1, "only the one valid case was stored");
        (await clerk.Get($"/api/cases/{view.Id()}")).Body.Version().Should().Be(1);
    }

    private Task<long> CountCasesAsync() => TestDatabase.ScalarAsync(_host.DatabasePath, "SELECT COUNT(*) FROM cases");

    [Test]
    public async Task The_OpenAPI_document_describes_the_routes()
    {
        var client = await _host.LoginAsync("owner");
        var doc = await client.Get("/openapi/v1.json");
        doc.Status.Should().Be(HttpStatusCode.OK);
        var paths = doc.Body.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/cases", "/api/cases/{id}", "/api/cases/{id}/tasks/{taskId}/actions/{actionId}", "/api/alerts/stream", "/api/calendar/deadline"]);
    }

    [Test]
    public async Task Case_lists_filter_by_status_and_flow()
    {
        var clerk = await _host.LoginAsync("window");
        var view = await clerk.StartLicensingCase();
        var running = await clerk.Get("/api/cases?status=running&definitionId=licensing-approval");
        running.Items.EnumerateArray().Should().Contain(c => c.GetProperty("id").GetString() == view.Id());
        (await clerk.Get("/api/cases?status=closed&definitionId=licensing-approval")).Items.EnumerateArray()
            .Should().NotContain(c => c.GetProperty("id").GetString() == view.Id());
    }
}
