using System.Net;
using System.Text.Json;
using MiniExcelLibs;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// Supervision that tells the truth: cards name who is responsible, the risk ledger speaks in names and Chinese labels and
/// includes what a check blocked, and each department's month fits on one report.
/// </summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public class SupervisionTruthTests(string provider)
{
    [Test]
    public async Task A_red_card_names_the_post_of_the_task_and_the_people_who_hold_it()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(provider));
        var clerk = await host.LoginAsync("window");
        var supervisor = await host.LoginAsync("supervisor");
        var view = await clerk.StartLicensingCase();
        await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } });
        await supervisor.Post("/api/clock/advance", new { duration = "P5D" });

        var deadline = (await supervisor.Get("/api/deadlines?level=red")).Items.EnumerateArray().Single(d => d.GetProperty("caseId").GetString() == view.Id());
        AssertReviewPost(deadline);
        var card = (await supervisor.Get("/api/alerts")).Items.EnumerateArray()
            .Single(a => a.GetProperty("level").GetString() == "red" && a.GetProperty("limit").GetString() == "step");
        AssertReviewPost(card);

        // A case limit's card names the posts of the case's open tasks.
        var caseCard = (await supervisor.Get("/api/deadlines")).Items.EnumerateArray()
            .First(d => d.GetProperty("caseId").GetString() == view.Id() && d.GetProperty("limit").GetString() == "statutory");
        AssertReviewPost(caseCard);
    }

    private static void AssertReviewPost(JsonElement card)
    {
        var responsible = card.GetProperty("responsible").EnumerateArray().Single();
        responsible.GetProperty("postName").GetString().Should().Be("相关业务科室（承办科室）");
        responsible.GetProperty("holders").EnumerateArray().Select(h => h.GetString()).Should().Contain("业务科室 赵强");
    }

    [Test]
    public async Task The_risk_ledger_records_a_blocked_attempt_with_names_and_chinese_labels_and_filters_and_exports_it()
    {
        var db = WorkflowHost.NewDatabase(provider);
        await using var host = new WorkflowHost(db);
        var clerk = await host.LoginAsync("window");
        var supervisor = await host.LoginAsync("supervisor");
        var view = await clerk.StartLicensingCase();
        var caseNo = view.GetProperty("caseNo").GetString()!;

        var history = (await clerk.Get($"/api/cases/{view.Id()}/history")).Body.GetArrayLength();
        var refused = await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = new[] { "application" } } });
        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        var after = (await clerk.Get($"/api/cases/{view.Id()}")).Body;
        after.Version().Should().Be(view.Version(), "a blocked attempt changes nothing in the case");
        (await clerk.Get($"/api/cases/{view.Id()}/history")).Body.GetArrayLength().Should().Be(history);

        var entry = (await supervisor.Get("/api/risk-events")).Items.EnumerateArray().Single();
        entry.GetProperty("outcome").GetString().Should().Be("blocked");
        entry.GetProperty("outcomeName").GetString().Should().Be("已拦截，未予办理");
        entry.GetProperty("caseNo").GetString().Should().Be(caseNo);
        entry.GetProperty("flowName").GetString().Should().Be("行政审批（行政许可受理与审批）");
        entry.GetProperty("stepName").GetString().Should().Be("受理（窗口收件）");
        entry.GetProperty("checkLabel").GetString().Should().Be("必备申请材料已全部核对");
        entry.GetProperty("levelName").GetString().Should().MatchRegex("^[一二三]级$");
        entry.GetProperty("actorName").GetString().Should().Be("窗口 王芳");
        entry.GetProperty("department").GetString().Should().Be("行政审批科（驻政务中心窗口）");
        var level = entry.GetProperty("level").GetInt32();

        // Filters: department, flow, level, period, outcome.
        (await supervisor.Get("/api/risk-events?departmentId=approval-window")).Items.GetArrayLength().Should().Be(1);
        (await supervisor.Get("/api/risk-events?departmentId=disease-control")).Items.GetArrayLength().Should().Be(0);
        (await supervisor.Get("/api/risk-events?definitionId=licensing-approval")).Items.GetArrayLength().Should().Be(1);
        (await supervisor.Get("/api/risk-events?definitionId=cadre-appointment")).Items.GetArrayLength().Should().Be(0);
        (await supervisor.Get($"/api/risk-events?level={level}")).Items.GetArrayLength().Should().Be(1);
        (await supervisor.Get($"/api/risk-events?level={level % 3 + 1}")).Items.GetArrayLength().Should().Be(0);
        (await supervisor.Get("/api/risk-events?from=2026-03-01&to=2026-03-31")).Items.GetArrayLength().Should().Be(1);
        (await supervisor.Get("/api/risk-events?from=2026-04-01")).Items.GetArrayLength().Should().Be(0);
        (await supervisor.Get("/api/risk-events?outcome=recorded")).Items.GetArrayLength().Should().Be(0);
        var badDepartment = await supervisor.Get("/api/risk-events?departmentId=nowhere");
        badDepartment.Status.Should().Be(HttpStatusCode.BadRequest);
        badDepartment.Detail.Should().Contain("科室");
        (await supervisor.Get("/api/risk-events?format=pdf")).Status.Should().Be(HttpStatusCode.BadRequest);

        // Kinds no check declares (an urge, a late answer recorded elsewhere) still read in Chinese.
        foreach (var check in new[] { "督办", "late-answer" })
            await TestDatabase.ScalarAsync(db,
                "INSERT INTO risk_events (case_id, definition_id, risk_point_id, level, risk_text, check_name, step_id, step_name, task_id, actor_id, actor_name, at, message) " +
                "VALUES (@case, 'licensing-approval', '', 3, '督办事项', @check, 'intake', '受理（窗口收件）', NULL, 'supervisor', '监督 陈静', @at, '请加快办理') RETURNING id",
                ("@case", view.Id()), ("@check", check), ("@at", DateTimeOffset.Parse("2026-03-02T10:00+08:00").UtcTicks));
        var labels = (await supervisor.Get("/api/risk-events")).Items.EnumerateArray().Select(e => e.GetProperty("checkLabel").GetString()).ToList();
        labels.Should().Contain(["督办", "其他事项（late-answer）"]);

        var csv = await supervisor.GetStringAsync("/api/risk-events?format=csv&outcome=blocked");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("时间,案件编号,流程,环节,风险点,风险等级,风险内容,检查事项,处理结果,办理人,所在科室,情况");
        lines.Should().HaveCount(2);
        lines[1].Should().Contain(caseNo).And.Contain("行政审批（行政许可受理与审批）").And.Contain("必备申请材料已全部核对").And.Contain("已拦截")
            .And.NotContain(view.Id()).And.NotContain("licensing-approval").And.NotContain("materials-complete");

        using var xlsx = await supervisor.GetAsync("/api/risk-events?format=xlsx&outcome=blocked");
        xlsx.StatusCode.Should().Be(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = book.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Should().ContainSingle();
        rows[0].Keys.Should().Equal("时间", "案件编号", "流程", "环节", "风险点", "风险等级", "风险内容", "检查事项", "处理结果", "办理人", "所在科室", "情况");
        rows[0]["案件编号"].Should().Be(caseNo);
        rows[0]["处理结果"].Should().Be("已拦截，未予办理");
        rows[0]["办理人"].Should().Be("窗口 王芳");
    }

    [Test]
    public async Task A_department_reads_its_month_on_one_report_and_only_its_own()
    {
        var db = WorkflowHost.NewDatabase(provider);
        await using var host = new WorkflowHost(db);
        var clerk = await host.LoginAsync("window");
        var reviewer = await host.LoginAsync("reviewer");
        var deputy = await host.LoginAsync("deputy");
        var director = await host.LoginAsync("director");
        var supervisor = await host.LoginAsync("supervisor");
        var chief = await host.LoginAsync("approval-chief");

        var late = await clerk.StartLicensingCase();
        var step = (await clerk.Post($"/api/cases/{late.Id()}/tasks/{late.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } })).Body;
        await supervisor.Post("/api/clock/advance", new { duration = "P5D" });
        await CloseAsync(late.Id(), step);
        var onTime = await clerk.StartLicensingCase();
        step = (await clerk.Post($"/api/cases/{onTime.Id()}/tasks/{onTime.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } })).Body;
        await CloseAsync(onTime.Id(), step);
        var blocked = await clerk.StartLicensingCase();
        (await clerk.Post($"/api/cases/{blocked.Id()}/tasks/{blocked.Task("intake")}/actions/accept", new { data = new { materials = new[] { "application" } } }))
            .Status.Should().Be(HttpStatusCode.UnprocessableEntity);

        foreach (var reader in new[] { supervisor, chief })
        {
            var report = await reader.Get("/api/reports/monthly?month=2026-03&department=approval-window");
            report.Status.Should().Be(HttpStatusCode.OK);
            var r = report.Body;
            r.GetProperty("departmentName").GetString().Should().Be("行政审批科（驻政务中心窗口）");
            r.GetProperty("received").GetInt32().Should().Be(3);
            r.GetProperty("closed").GetInt32().Should().Be(2);
            r.GetProperty("onTime").GetInt32().Should().Be(1, "the case whose 审核 step went red is late");
            r.GetProperty("redCards").GetInt32().Should().Be(1, "the review step's red card");
            var levels = r.GetProperty("riskEvents").EnumerateArray().ToList();
            levels.Sum(l => l.GetProperty("blocked").GetInt32()).Should().Be(1);
            levels.Select(l => l.GetProperty("levelName").GetString()).Should().StartWith(["一级", "二级", "三级"]);
        }
        var april = (await supervisor.Get("/api/reports/monthly?month=2026-04&department=approval-window")).Body;
        april.GetProperty("received").GetInt32().Should().Be(0);
        april.GetProperty("onTimeRate").ValueKind.Should().Be(JsonValueKind.Null);

        (await reviewer.Get("/api/reports/monthly?month=2026-03&department=approval-window")).Status.Should().Be(HttpStatusCode.Forbidden,
            "the reviewer heads another department");
        (await reviewer.Get("/api/reports/monthly?month=2026-03&department=disease-control")).Status.Should().Be(HttpStatusCode.OK);
        (await clerk.Get("/api/reports/monthly?month=2026-03&department=approval-window")).Status.Should().Be(HttpStatusCode.Forbidden);
        (await host.CreateClient().Get("/api/reports/monthly?month=2026-03&department=approval-window")).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await supervisor.Get("/api/reports/monthly?month=2026-13&department=approval-window")).Status.Should().Be(HttpStatusCode.BadRequest);
        (await supervisor.Get("/api/reports/monthly?month=2026-03")).Status.Should().Be(HttpStatusCode.BadRequest);
        (await supervisor.Get("/api/reports/monthly?month=2026-03&department=nowhere")).Status.Should().Be(HttpStatusCode.NotFound);

        (await chief.Get("/api/reports/departments")).Body.EnumerateArray().Select(d => d.GetProperty("id").GetString())
            .Should().BeEquivalentTo(["approval", "approval-window"]);
        (await clerk.Get("/api/reports/departments")).Body.GetArrayLength().Should().Be(0);
        (await supervisor.Get("/api/reports/departments")).Body.GetArrayLength().Should().BeGreaterThan(10);

        // The UI builds its menu from the service's answer: who meets which role policy and whose reports they may read.
        var chiefAccess = (await chief.Get("/api/me/access")).Body;
        chiefAccess.GetProperty("reportDepartments").EnumerateArray().Select(d => d.GetProperty("id").GetString()).Should().BeEquivalentTo(["approval", "approval-window"]);
        chiefAccess.GetProperty("supervisor").GetBoolean().Should().BeFalse();
        var clerkAccess = (await clerk.Get("/api/me/access")).Body;
        clerkAccess.GetProperty("reportDepartments").GetArrayLength().Should().Be(0);
        clerkAccess.GetProperty("admin").GetBoolean().Should().BeFalse();
        var supervisorAccess = (await supervisor.Get("/api/me/access")).Body;
        supervisorAccess.GetProperty("supervisor").GetBoolean().Should().BeTrue();
        supervisorAccess.GetProperty("processOwner").GetBoolean().Should().BeFalse();
        (await host.CreateClient().Get("/api/me/access")).Status.Should().Be(HttpStatusCode.Unauthorized);

        async Task CloseAsync(string caseId, JsonElement s)
        {
            s = (await reviewer.Post($"/api/cases/{caseId}/tasks/{s.Task("review")}/actions/pass", new { opinion = "符合条件" })).Body;
            s = (await deputy.Post($"/api/cases/{caseId}/tasks/{s.Task("approve-deputy")}/actions/agree", new { opinion = "同意" })).Body;
            s = (await director.Post($"/api/cases/{caseId}/tasks/{s.Task("approve-director")}/actions/grant", new { opinion = "准予许可" })).Body;
            s = (await clerk.Post($"/api/cases/{caseId}/tasks/{s.Task("issue")}/actions/deliver",
                new { data = new { certificateNo = "湘卫母婴字〔2026〕001号", deliveryMethod = "窗口领取" } })).Body;
            s = (await clerk.Post($"/api/cases/{caseId}/tasks/{s.Task("publish-decision")}/actions/published",
                new { data = new { publicationRef = "市卫生健康委网站 2026-03-09" } })).Body;
            s.GetProperty("status").GetString().Should().Be("closed");
        }
    }
}
