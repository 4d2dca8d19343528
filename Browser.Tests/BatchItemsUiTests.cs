using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkflowEngine.Browser.Tests;

/// <summary>
/// A batch case on the case page in Chromium: the items panel lists two premises; the 科长 decides each — a 不予 without a
/// ground is refused with the core's reason — and then sees each item's decision and the mixed outcome.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class BatchItemsUiTests : BrowserFixture
{
    private const string Definition = """
        {
          "id": "batch-ui-demo", "version": 1, "name": "逐项决定演示", "category": "行政审批",
          "roles": [ { "id": "approval-window", "name": "窗口" }, { "id": "approval-section-chief", "name": "科长" } ],
          "fields": [ { "id": "applicant", "label": "申请人", "type": "text", "required": true },
                      { "id": "premises", "label": "申请许可的场所", "type": "list", "required": true } ],
          "riskPoints": [],
          "batch": { "itemsField": "premises", "label": "场所", "decideAt": [ { "step": "decide", "action": "decide" } ] },
          "start": "intake",
          "steps": [
            { "id": "intake", "kind": "task", "name": "受理", "role": "approval-window", "actions": [ { "id": "accept", "name": "受理", "to": "decide" } ] },
            { "id": "decide", "kind": "task", "name": "签发", "role": "approval-section-chief",
              "actions": [ { "id": "decide", "name": "逐项签发", "to": "done", "opinion": "required" } ] },
            { "id": "done", "kind": "end", "name": "办结", "outcome": "granted" }
          ]
        }
        """;

    [Test]
    [CancelAfter(180_000)]
    public async Task The_decider_enters_each_item_s_decision_and_ground_and_sees_the_outcome()
    {
        var owner = await ApiAsAsync("owner");
        var window = await ApiAsAsync("window");
        (await owner.PostAsync("/api/definitions", new StringContent(Definition, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        await PostJsonAsync(owner, "/api/definitions/batch-ui-demo/versions/1/publish", null);
        var started = await PostJsonAsync(window, "/api/cases", new { definitionId = "batch-ui-demo", data = new { applicant = "某酒店", premises = new[] { "甲店", "乙店" } } });
        var id = started.GetProperty("id").GetString();
        var intake = started.GetProperty("outlook").GetProperty("tasks")[0].GetProperty("taskId").GetString();
        await PostJsonAsync(window, $"/api/cases/{id}/tasks/{intake}/actions/accept", new { data = new { } });

        await using var context = await Session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        try
        {
            await page.LoginAsync(Server.Url, "approval-chief", "approval-chief@2026");
            await page.GotoAsync($"{Server.Url}/cases/{id}");
            var panel = page.Locator("[data-test=batch-items]");
            await Expect(panel).ToContainTextAsync("逐项决定（共 2 个场所）");
            await Expect(panel.Locator("[data-test=batch-table]")).ToContainTextAsync("甲店");
            await Expect(panel.Locator("[data-test=batch-table]")).ToContainTextAsync("乙店");

            await panel.Locator("[data-test=batch-choice-1] .el-radio", new() { HasText = "准予" }).ClickAsync();
            await panel.Locator("[data-test=batch-choice-2] .el-radio", new() { HasText = "不予" }).ClickAsync();
            await panel.Locator("textarea[data-test=batch-opinion], [data-test=batch-opinion] textarea").First.FillAsync("经审查逐项签发");
            await panel.Locator("[data-test=batch-submit]").ClickAsync();
            await Expect(panel.Locator("[data-test=batch-problem]")).ToContainTextAsync("不予决定须写明理由和依据：场所2（乙店）。");

            await panel.Locator("input[data-test=batch-ground-2], [data-test=batch-ground-2] input").First.FillAsync("卫生设施不符合要求");
            await panel.Locator("[data-test=batch-submit]").ClickAsync();
            await Expect(panel.Locator("[data-test=batch-outcome]")).ToHaveTextAsync("部分准予、部分不予");
            await Expect(panel.Locator("[data-test=batch-decision-1]")).ToHaveTextAsync("准予");
            await Expect(panel.Locator("[data-test=batch-decision-2]")).ToHaveTextAsync("不予");
            await Expect(panel).ToContainTextAsync("卫生设施不符合要求");
            await Expect(panel.Locator("[data-test=batch-decide]")).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-test=case-status]")).ToContainTextAsync("已办结");
        }
        catch
        {
            await page.ShotAsync("batch-items-failure", fullPage: true);
            throw;
        }
    }
}
