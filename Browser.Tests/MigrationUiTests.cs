using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkflowEngine.Browser.Tests;

/// <summary>The 案件迁移 page in Chromium: a process owner maps a renamed step, dry-runs, then runs the migration.</summary>
[TestFixture]
[NonParallelizable]
public sealed class MigrationUiTests : BrowserFixture
{
    private const string Version1 = """
        {
          "id": "migration-ui-demo", "version": 1, "name": "迁移演示", "category": "行政审批",
          "roles": [ { "id": "approval-window", "name": "窗口" }, { "id": "approval-section-chief", "name": "科长" }, { "id": "deputy-director", "name": "分管副主任" } ],
          "fields": [ { "id": "applicant", "label": "申请人", "type": "text", "required": true } ],
          "riskPoints": [],
          "start": "intake",
          "steps": [
            { "id": "intake", "kind": "task", "name": "受理", "role": "approval-window", "actions": [ { "id": "accept", "name": "受理", "to": "review" } ] },
            { "id": "review", "kind": "task", "name": "审查", "role": "approval-section-chief", "actions": [ { "id": "pass", "name": "审查通过", "to": "approve" } ] },
            { "id": "approve", "kind": "task", "name": "审批", "role": "deputy-director", "actions": [ { "id": "approve", "name": "批准", "to": "done" } ] },
            { "id": "done", "kind": "end", "name": "办结", "outcome": "granted" }
          ]
        }
        """;

    private static string Version2 => Version1
        .Replace("\"to\": \"review\"", "\"to\": \"examine\"").Replace("\"id\": \"review\", \"kind\": \"task\", \"name\": \"审查\"", "\"id\": \"examine\", \"kind\": \"task\", \"name\": \"复核\"")
        .Replace("\"to\": \"approve\"", "\"to\": \"decide\"").Replace("\"id\": \"approve\", \"kind\": \"task\", \"name\": \"审批\"", "\"id\": \"decide\", \"kind\": \"task\", \"name\": \"决定\"");

    private static async Task<JsonElement> Act(HttpClient client, JsonElement view, string step, string action)
    {
        var task = view.GetProperty("outlook").GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("stepId").GetString() == step).GetProperty("taskId").GetString();
        return await PostJsonAsync(client, $"/api/cases/{view.GetProperty("id").GetString()}/tasks/{task}/actions/{action}", new { data = new { } });
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task A_process_owner_dry_runs_then_runs_a_migration()
    {
        var owner = await ApiAsAsync("owner");
        var window = await ApiAsAsync("window");
        var chief = await ApiAsAsync("approval-chief");
        (await owner.PostAsync("/api/definitions", new StringContent(Version1, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        await PostJsonAsync(owner, "/api/definitions/migration-ui-demo/versions/1/publish", null);
        var atReview = await Act(window, await PostJsonAsync(window, "/api/cases", new { definitionId = "migration-ui-demo", data = new { applicant = "甲医院" } }), "intake", "accept");
        var atApprove = await Act(chief,
            await Act(window, await PostJsonAsync(window, "/api/cases", new { definitionId = "migration-ui-demo", data = new { applicant = "乙医院" } }), "intake", "accept"),
            "review", "pass");
        (await owner.PostAsync("/api/definitions", new StringContent(Version2, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        await PostJsonAsync(owner, "/api/definitions/migration-ui-demo/versions/2/publish", null);

        await using var context = await Session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        try
        {
            await page.LoginAsync(Server.Url, "owner", "owner@2026");
            await page.GotoAsync(Server.Url + "/flows/migration-ui-demo/migrate");
            await Expect(page.Locator("[data-test=mig-mapping]")).ToContainTextAsync("审查");
            await page.SelectOptionAsync(page.Locator("[data-test=mig-map-review]"), "复核（examine）");

            await page.ClickAsync("[data-test=mig-dry-run]");
            var report = page.Locator("[data-test=mig-report]");
            await Expect(report).ToContainTextAsync("试运行结果");
            await Expect(report).ToContainTextAsync("可迁移 1");
            await Expect(report).ToContainTextAsync("当前环节“审批”（approve）在第 2 版中没有对应环节。");
            await page.ShotAsync("migration-dry-run", fullPage: true);

            await page.ClickAsync("[data-test=mig-run]");
            await page.ConfirmMessageBoxAsync();
            await Expect(report).ToContainTextAsync("迁移结果");
            await Expect(report).ToContainTextAsync("已迁移 1");
            await Expect(report).ToContainTextAsync("不能迁移 1");
            await page.ShotAsync("migration-run", fullPage: true);
        }
        finally
        {
            await context.CloseAsync();
        }

        var moved = await window.GetFromJsonAsync<JsonElement>($"/api/cases/{atReview.GetProperty("id").GetString()}");
        moved.GetProperty("definitionVersion").GetInt32().Should().Be(2);
        moved.GetProperty("outlook").GetProperty("tasks")[0].GetProperty("stepId").GetString().Should().Be("examine");
        var kept = await window.GetFromJsonAsync<JsonElement>($"/api/cases/{atApprove.GetProperty("id").GetString()}");
        kept.GetProperty("definitionVersion").GetInt32().Should().Be(1);
    }
}
