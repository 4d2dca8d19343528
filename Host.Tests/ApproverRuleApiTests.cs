using System.Net;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>Approver rules, 会签 and 抄送 over HTTP: work lists, permissions, case scope and the "抄送我的" list, on either store.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public class ApproverRuleApiTests(string provider)
{
    private const string Flow = """
        {
          "id": "approver-rules-demo", "version": 1, "name": "审批人规则示例", "category": "内部管理",
          "roles": [
            { "id": "staff", "name": "干部职工" }, { "id": "deputy-director", "name": "分管副主任" }, { "id": "personnel-section", "name": "人事科" }
          ],
          "fields": [ { "id": "reason", "label": "事由", "type": "text", "required": true } ],
          "riskPoints": [],
          "start": "apply",
          "steps": [
            { "id": "apply", "kind": "task", "name": "提出申请", "role": "staff", "actions": [ { "id": "submit", "name": "提交", "to": "head" } ] },
            { "id": "head", "kind": "task", "name": "科室负责人审核", "assignee": { "rule": "initiatorDeptHead" }, "cc": ["personnel-section"],
              "actions": [ { "id": "agree", "name": "同意", "to": "sign" }, { "id": "reject", "name": "不同意", "to": "rejected", "opinion": "required" } ] },
            { "id": "sign", "kind": "task", "name": "分管领导会签", "role": "deputy-director", "signMode": "all",
              "actions": [ { "id": "agree", "name": "同意", "to": "done" }, { "id": "return", "name": "退回", "to": "head" } ] },
            { "id": "done", "kind": "end", "name": "已同意", "outcome": "completed" },
            { "id": "rejected", "kind": "end", "name": "不同意", "outcome": "denied" }
          ]
        }
        """;

    private static IEnumerable<string> WorkList(Api.Reply reply) => reply.Items.EnumerateArray().Select(t => t.GetProperty("caseId").GetString()!);

    [Test]
    public async Task A_department_head_rule_countersigning_and_a_carbon_copy_work_end_to_end()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(provider));
        var owner = await host.LoginAsync("owner");
        var saved = await owner.PostText("/api/definitions", Flow);
        saved.Status.Should().Be(HttpStatusCode.Created, saved.Body.ToString());
        (await owner.Post("/api/definitions/approver-rules-demo/versions/1/publish", null)).Status.Should().Be(HttpStatusCode.OK);

        // staff2 works in 规划信息科, which has no head yet: the submission is refused with the reason.
        var staff2 = await host.LoginAsync("staff2");
        var started = await staff2.Post("/api/cases", new { definitionId = "approver-rules-demo", data = new { reason = "参加培训" } });
        started.Status.Should().Be(HttpStatusCode.Created, started.Body.ToString());
        var id = started.Body.Id();
        var submit = $"/api/cases/{id}/tasks/{started.Body.Task("apply")}/actions/submit";
        var refused = await staff2.Post(submit, new { data = new { } });
        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        refused.Detail.Should().Contain("无法确定办理人").And.Contain("规划信息科").And.Contain("未设科室负责人");

        var admin = await host.LoginAsync("admin");
        var put = await admin.Put("/api/admin/departments/planning", new { name = "规划信息科", headUserId = "reviewer", leaderUserId = "deputy2" });
        put.Status.Should().Be(HttpStatusCode.OK, put.Body.ToString());

        var atHead = await staff2.Post(submit, new { data = new { } });
        atHead.Status.Should().Be(HttpStatusCode.OK, atHead.Body.ToString());
        var headTask = atHead.Body.Tasks().Single();
        headTask.GetProperty("holders").EnumerateArray().Select(h => h.GetProperty("id").GetString()).Should().Equal("reviewer");
        headTask.GetProperty("assignment").GetString().Should().Be("发起人所在科室负责人");

        var reviewer = await host.LoginAsync("reviewer");
        var chief = await host.LoginAsync("approval-chief");
        var named = (await reviewer.Get("/api/tasks")).Items.EnumerateArray().Single(t => t.GetProperty("caseId").GetString() == id);
        named.GetProperty("assignment").GetString().Should().Be("发起人所在科室负责人", "the work list says what the core says, not the reader's name");
        named.GetProperty("roleName").GetString().Should().NotBe("业务科室 赵强");
        WorkList(await chief.Get("/api/tasks")).Should().NotContain(id);
        (await chief.Get($"/api/cases/{id}")).Status.Should().Be(HttpStatusCode.NotFound, "neither named nor copied");

        // 抄送: the personnel section is informed, may open the case, and cannot act.
        var personnel = await host.LoginAsync("personnel");
        var cc = await personnel.Get("/api/cc");
        cc.Status.Should().Be(HttpStatusCode.OK);
        var copied = cc.Items.EnumerateArray().Single(c => c.GetProperty("caseId").GetString() == id);
        copied.GetProperty("postName").GetString().Should().Be("人事科");
        copied.GetProperty("stepId").GetString().Should().Be("head");
        (await personnel.Get($"/api/cases/{id}")).Status.Should().Be(HttpStatusCode.OK);
        (await personnel.Get("/api/cases")).Items.EnumerateArray().Should().Contain(c => c.GetProperty("id").GetString() == id);
        (await personnel.Post($"/api/cases/{id}/tasks/{headTask.GetProperty("taskId").GetString()}/actions/agree", new { data = new { } }))
            .Status.Should().Be(HttpStatusCode.Forbidden);
        (await (await host.LoginAsync("staff1")).Get("/api/cc")).Items.GetArrayLength().Should().Be(0);
        (await host.CreateClient().Get("/api/cc")).Status.Should().Be(HttpStatusCode.Unauthorized);

        // 会签: both deputies must sign.
        var signing = await reviewer.Post($"/api/cases/{id}/tasks/{headTask.GetProperty("taskId").GetString()}/actions/agree", new { data = new { } });
        signing.Status.Should().Be(HttpStatusCode.OK, signing.Body.ToString());
        var signTask = signing.Body.Task("sign");
        var deputy = await host.LoginAsync("deputy");
        var deputy2 = await host.LoginAsync("deputy2");
        var first = await deputy.Post($"/api/cases/{id}/tasks/{signTask}/actions/agree", new { data = new { }, opinion = "同意" });
        first.Status.Should().Be(HttpStatusCode.OK, first.Body.ToString());
        first.Body.OpenSteps().Should().Equal("sign");
        var outlook = first.Body.Tasks().Single();
        outlook.GetProperty("signMode").GetString().Should().Be("all");
        outlook.GetProperty("signed").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().Equal("deputy");
        WorkList(await deputy.Get("/api/tasks")).Should().NotContain(id, "deputy has signed");
        WorkList(await deputy2.Get("/api/tasks")).Should().Contain(id);
        (await deputy.Post($"/api/cases/{id}/tasks/{signTask}/actions/agree", new { data = new { } })).Status.Should().Be(HttpStatusCode.UnprocessableEntity);

        var last = await deputy2.Post($"/api/cases/{id}/tasks/{signTask}/actions/agree", new { data = new { }, opinion = "同意" });
        last.Status.Should().Be(HttpStatusCode.OK);
        last.Body.GetProperty("status").GetString().Should().Be("closed");
        var history = (await staff2.Get($"/api/cases/{id}/history")).Body;
        history.ToString().Should().Contain("会签").And.Contain("抄送");
        (await staff2.Get($"/api/cases/{id}/history/verify")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Named_tasks_are_found_by_their_index_and_the_upgrade_that_adds_it_fills_it_from_the_open_tasks()
    {
        var db = WorkflowHost.NewDatabase(provider);
        string id;
        await using (var host = new WorkflowHost(db))
        {
            var owner = await host.LoginAsync("owner");
            (await owner.PostText("/api/definitions", Flow)).Status.Should().Be(HttpStatusCode.Created);
            (await owner.Post("/api/definitions/approver-rules-demo/versions/1/publish", null)).Status.Should().Be(HttpStatusCode.OK);
            var admin = await host.LoginAsync("admin");
            (await admin.Put("/api/admin/departments/planning", new { name = "规划信息科", headUserId = "reviewer", leaderUserId = "deputy2" })).Status.Should().Be(HttpStatusCode.OK);
            var staff2 = await host.LoginAsync("staff2");
            var started = (await staff2.Post("/api/cases", new { definitionId = "approver-rules-demo", data = new { reason = "参加培训" } })).Body;
            id = started.Id();
            (await staff2.Post($"/api/cases/{id}/tasks/{started.Task("apply")}/actions/submit", new { data = new { } })).Status.Should().Be(HttpStatusCode.OK);
            (await TestDatabase.ScalarAsync(db, "SELECT COUNT(*) FROM task_assignees WHERE user_id = 'reviewer' AND case_id = @id", ("@id", id))).Should().Be(1);
            WorkList(await (await host.LoginAsync("reviewer")).Get("/api/tasks")).Should().Contain(id);
        }
        // As a database from before the index: the upgrade fills it from the names the open tasks carry.
        await TestDatabase.ScalarAsync(db, "DROP TABLE task_assignees");
        await TestDatabase.ScalarAsync(db, "DELETE FROM schema_version WHERE version = 15");
        await using (var host = new WorkflowHost(db))
        {
            WorkList(await (await host.LoginAsync("reviewer")).Get("/api/tasks")).Should().Contain(id);
            WorkList(await (await host.LoginAsync("approval-chief")).Get("/api/tasks")).Should().NotContain(id);
        }
    }

    [Test]
    public async Task A_definition_naming_an_unknown_user_or_department_is_refused_in_Chinese()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var owner = await host.LoginAsync("owner");
        var unknownUser = Flow.Replace("\"assignee\": { \"rule\": \"initiatorDeptHead\" }", "\"assignee\": { \"rule\": \"user\", \"user\": \"ghost\" }");
        var reply = await owner.PostText("/api/definitions/validate", unknownUser);
        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.Body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString())
            .Should().Contain("人员“ghost”不存在，请使用“组织机构”中已有的用户名。");

        var unknownDepartment = Flow.Replace("\"assignee\": { \"rule\": \"initiatorDeptHead\" }", "\"assignee\": { \"rule\": \"deptLeader\", \"department\": \"nowhere\" }");
        (await owner.PostText("/api/definitions", unknownDepartment)).Body.GetProperty("errors")[0].GetProperty("message").GetString()
            .Should().Be("科室“nowhere”不存在，请使用“组织机构”中已有的科室编号。");

        var known = Flow.Replace("\"assignee\": { \"rule\": \"initiatorDeptHead\" }", "\"assignee\": { \"rule\": \"deptLeader\", \"department\": \"finance\" }");
        (await owner.PostText("/api/definitions/validate", known)).Status.Should().Be(HttpStatusCode.OK);
    }
}
