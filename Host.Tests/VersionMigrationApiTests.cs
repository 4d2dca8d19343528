using System.Net;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>Moving running cases from version 1 of a flow to version 2 with a renamed step: dry run, run, history, and the cases going on.</summary>
public class VersionMigrationApiTests
{
    public const string Version1 = """
        {
          "id": "migration-demo", "version": 1, "name": "迁移示例", "category": "行政审批",
          "roles": [ { "id": "approval-window", "name": "窗口" }, { "id": "approval-section-chief", "name": "科长" }, { "id": "deputy-director", "name": "分管副主任" } ],
          "fields": [ { "id": "applicant", "label": "申请人", "type": "text", "required": true } ],
          "riskPoints": [],
          "start": "intake",
          "steps": [
            { "id": "intake", "kind": "task", "name": "受理", "role": "approval-window", "timeLimit": { "duration": "1wd" },
              "actions": [ { "id": "accept", "name": "受理", "to": "review" } ] },
            { "id": "review", "kind": "task", "name": "审查", "role": "approval-section-chief", "timeLimit": { "duration": "3wd" },
              "actions": [ { "id": "pass", "name": "审查通过", "to": "approve" } ] },
            { "id": "approve", "kind": "task", "name": "审批", "role": "deputy-director", "timeLimit": { "duration": "2wd" },
              "actions": [ { "id": "approve", "name": "批准", "to": "done" } ] },
            { "id": "done", "kind": "end", "name": "办结", "outcome": "granted" }
          ]
        }
        """;

    /// <summary>Version 2: 审查 becomes 复核 (id "examine"), 审批 becomes 决定 (id "decide").</summary>
    public static string Version2 => Version1
        .Replace("\"to\": \"review\"", "\"to\": \"examine\"").Replace("\"id\": \"review\", \"kind\": \"task\", \"name\": \"审查\"", "\"id\": \"examine\", \"kind\": \"task\", \"name\": \"复核\"")
        .Replace("\"to\": \"approve\"", "\"to\": \"decide\"").Replace("\"id\": \"approve\", \"kind\": \"task\", \"name\": \"审批\"", "\"id\": \"decide\", \"kind\": \"task\", \"name\": \"决定\"");

    private static object Request(string[]? caseIds = null) => new
    {
        fromVersion = 1, toVersion = 2, mapping = new Dictionary<string, string> { ["intake"] = "intake", ["review"] = "examine" }, caseIds,
    };

    [Test]
    public async Task Cases_on_version_1_move_to_version_2_except_one_whose_step_has_no_counterpart()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var owner = await host.LoginAsync("owner");
        (await owner.PostText("/api/definitions", Version1)).Status.Should().Be(HttpStatusCode.Created);
        (await owner.Post("/api/definitions/migration-demo/versions/1/publish", null)).Status.Should().Be(HttpStatusCode.OK);

        var window = await host.LoginAsync("window");
        var chief = await host.LoginAsync("approval-chief");
        var deputy = await host.LoginAsync("deputy");
        async Task<string> Start(string applicant, int steps)
        {
            var view = (await window.Post("/api/cases", new { definitionId = "migration-demo", data = new { applicant } })).Body;
            if (steps > 0) view = (await window.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { } })).Body;
            if (steps > 1) view = (await chief.Post($"/api/cases/{view.Id()}/tasks/{view.Task("review")}/actions/pass", new { data = new { } })).Body;
            return view.Id();
        }
        var atIntake = await Start("甲", 0);
        var atReview = await Start("乙", 1);
        var atReview2 = await Start("丙", 1);
        var atApprove = await Start("丁", 2);

        (await owner.PostText("/api/definitions", Version2)).Status.Should().Be(HttpStatusCode.Created);
        (await owner.Post("/api/flows/migration-demo/migrations/dry-run", Request())).Detail.Should().Be("第 2 版尚未发布，请先发布再迁移案件。");
        (await owner.Post("/api/definitions/migration-demo/versions/2/publish", null)).Status.Should().Be(HttpStatusCode.OK);

        var plan = await owner.Get("/api/flows/migration-demo/migrations/plan?fromVersion=1&toVersion=2");
        plan.Body.GetProperty("suggested").EnumerateObject().Select(p => $"{p.Name}→{p.Value.GetString()}").Should().Equal("intake→intake");

        var dry = await owner.Post("/api/flows/migration-demo/migrations/dry-run", Request());
        dry.Status.Should().Be(HttpStatusCode.OK, dry.Body.ToString());
        dry.Body.GetProperty("moved").GetInt32().Should().Be(3);
        var refused = dry.Body.GetProperty("cases").EnumerateArray().Single(c => !c.GetProperty("moved").GetBoolean());
        refused.GetProperty("caseId").GetString().Should().Be(atApprove);
        refused.GetProperty("reasons")[0].GetString().Should().Be("当前环节“审批”（approve）在第 2 版中没有对应环节。");
        (await window.Get($"/api/cases/{atReview}")).Body.GetProperty("definitionVersion").GetInt32().Should().Be(1, "a dry run changes nothing");

        var limited = await owner.Post("/api/flows/migration-demo/migrations/dry-run", Request([atReview2, "no-such-case"]));
        limited.Body.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("moved").GetBoolean()).Should().Equal(true, false);

        var run = await owner.Post("/api/flows/migration-demo/migrations", Request());
        run.Status.Should().Be(HttpStatusCode.OK, run.Body.ToString());
        run.Body.GetProperty("moved").GetInt32().Should().Be(3);
        run.Body.GetProperty("notMoved").GetInt32().Should().Be(1);

        foreach (var id in new[] { atIntake, atReview, atReview2 })
        {
            var view = (await window.Get($"/api/cases/{id}")).Body;
            view.GetProperty("definitionVersion").GetInt32().Should().Be(2);
            var history = (await window.Get($"/api/cases/{id}/history")).Body.EnumerateArray().ToList();
            var entry = history.Last();
            entry.GetProperty("type").GetString().Should().Be("migrated");
            entry.GetProperty("summary").GetString().Should().StartWith("由第 1 版迁移至第 2 版");
            (await window.Get($"/api/cases/{id}/history/verify")).Body.GetProperty("valid").GetBoolean().Should().BeTrue();
        }
        var moved = (await window.Get($"/api/cases/{atReview}")).Body;
        moved.OpenSteps().Should().Equal("examine");
        (await window.Get($"/api/cases/{atReview}/history")).Body.EnumerateArray().Last().GetProperty("summary").GetString()
            .Should().Be("由第 1 版迁移至第 2 版（环节对应：“审查”→“复核”）");
        (await window.Get($"/api/cases/{atApprove}")).Body.GetProperty("definitionVersion").GetInt32().Should().Be(1);

        // The moved case goes on on version 2; the refused one on version 1.
        var examined = await chief.Post($"/api/cases/{atReview}/tasks/{moved.Task("examine")}/actions/pass", new { data = new { } });
        examined.Status.Should().Be(HttpStatusCode.OK, examined.Body.ToString());
        examined.Body.OpenSteps().Should().Equal("decide");
        (await deputy.Post($"/api/cases/{atReview}/tasks/{examined.Body.Task("decide")}/actions/approve", new { data = new { } }))
            .Body.GetProperty("status").GetString().Should().Be("closed");
        var old = (await window.Get($"/api/cases/{atApprove}")).Body;
        (await deputy.Post($"/api/cases/{atApprove}/tasks/{old.Task("approve")}/actions/approve", new { data = new { } })).Status.Should().Be(HttpStatusCode.OK);
        WorkList(await chief.Get("/api/tasks")).Should().Contain(atReview2, "the moved task stays in the work list under its new step");

        var again = await owner.Post("/api/flows/migration-demo/migrations", Request());
        again.Body.GetProperty("cases").GetArrayLength().Should().Be(0, "no running case is left on version 1");
    }

    private static IEnumerable<string> WorkList(Api.Reply reply) => reply.Items.EnumerateArray().Select(t => t.GetProperty("caseId").GetString()!);

    [Test]
    public async Task Only_process_owners_and_administrators_migrate_and_bad_requests_are_Chinese_400s()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var owner = await host.LoginAsync("owner");
        (await owner.PostText("/api/definitions", Version1)).Status.Should().Be(HttpStatusCode.Created);
        (await owner.Post("/api/definitions/migration-demo/versions/1/publish", null)).Status.Should().Be(HttpStatusCode.OK);
        (await owner.PostText("/api/definitions", Version2)).Status.Should().Be(HttpStatusCode.Created);
        (await owner.Post("/api/definitions/migration-demo/versions/2/publish", null)).Status.Should().Be(HttpStatusCode.OK);

        var outsider = host.CreateClient();
        var clerk = await host.LoginAsync("window");
        foreach (var url in new[] { "/api/flows/migration-demo/migrations/dry-run", "/api/flows/migration-demo/migrations" })
        {
            (await outsider.Post(url, Request())).Status.Should().Be(HttpStatusCode.Unauthorized, url);
            (await clerk.Post(url, Request())).Status.Should().Be(HttpStatusCode.Forbidden, url);
        }
        (await outsider.Get("/api/flows/migration-demo/migrations/plan?fromVersion=1&toVersion=2")).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await clerk.Get("/api/flows/migration-demo/migrations/plan?fromVersion=1&toVersion=2")).Status.Should().Be(HttpStatusCode.Forbidden);
        (await (await host.LoginAsync("admin")).Post("/api/flows/migration-demo/migrations/dry-run", Request())).Status.Should().Be(HttpStatusCode.OK);

        var url2 = "/api/flows/migration-demo/migrations/dry-run";
        (await owner.Post(url2, new { fromVersion = 1, toVersion = 1 })).Detail.Should().Be("源版本与目标版本相同（第 1 版）。");
        (await owner.Post(url2, new { toVersion = 2 })).Detail.Should().Be("请写明源版本（fromVersion）和目标版本（toVersion）。");
        (await owner.Post(url2, new { fromVersion = 1, toVersion = 2, mapping = new { review = "nowhere" } })).Detail
            .Should().Be("环节对应中的“nowhere”不是第 2 版的环节。");
        (await owner.Post(url2, new { fromVersion = 1, toVersion = 2, caseIds = Array.Empty<string>() })).Status.Should().Be(HttpStatusCode.BadRequest);
        (await owner.Post("/api/flows/no-such-flow/migrations/dry-run", Request())).Status.Should().Be(HttpStatusCode.NotFound);
        (await owner.Post(url2, new { fromVersion = 1, toVersion = 3 })).Detail.Should().Be("流程“migration-demo”没有第 3 版。");
    }
}
