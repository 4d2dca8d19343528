using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkflowEngine.Browser.Tests;

/// <summary>The work list in Chromium hears of new work on the user's own stream: it shows a notice and the task without a reload.</summary>
[TestFixture]
[NonParallelizable]
public sealed class LiveWorkListUiTests : BrowserFixture
{
    [Test]
    [CancelAfter(180_000)]
    public async Task A_task_arriving_for_the_reviewers_post_appears_in_their_open_work_list_with_a_notice()
    {
        await using var context = await Session.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.LoginAsync(Server.Url, "reviewer", "reviewer@2026");
        await page.GotoAsync(Server.Url + "/tasks");
        await Expect(page.Locator(".work-table")).ToBeVisibleAsync();
        var rowsBefore = await page.Locator(".work-table .el-table__body tr").CountAsync();

        using var clerk = await ApiAsAsync("window");
        var started = await (await clerk.PostAsJsonAsync("/api/cases", new
        {
            definitionId = "licensing-approval",
            data = new { applicant = "康宁妇产医院", contact = "0735-2222222", item = "母婴保健技术服务机构执业许可", kind = "承诺件" },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var caseId = started.GetProperty("id").GetString();
        var caseNo = started.GetProperty("caseNo").GetString()!;
        var intake = started.GetProperty("outlook").GetProperty("tasks")[0].GetProperty("taskId").GetString();
        (await clerk.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{intake}/actions/accept",
            new { data = new { materials = new[] { "application", "identity", "qualification", "premises" } } })).EnsureSuccessStatusCode();

        var notice = page.Locator(".el-notification", new PageLocatorOptions { HasText = "新待办" });
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync(caseNo);
        await Expect(page.Locator(".work-table", new PageLocatorOptions { HasText = caseNo })).ToBeVisibleAsync();
        (await page.Locator(".work-table .el-table__body tr").CountAsync()).Should().Be(rowsBefore + 1, "the list reloaded itself, without a page reload");
        await page.ShotAsync("work-list-live-notice");
    }
}
