using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkflowEngine.Browser.Tests;

/// <summary>
/// A process owner builds the 用印审批 flow from nothing with forms only (the JSON pane stays closed): fields, a risk
/// point, a check with its parameter form, a condition from the builder and a vote; positions survive a reload; undo,
/// redo and delete-with-confirmation work. A leader approves with an opinion on a phone-sized screen.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DesignerUiTests
{
    private TestHost _host = null!;
    private BrowserSession _browser = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private string Url => _host.Url;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        BrowserSession.RequireChromium();
        _host = await TestHost.StartAsync();
        _browser = await BrowserSession.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
    }

    private async Task<IPage> OpenAsync(int width, int height, bool mobile = false)
    {
        _context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        _context.SetDefaultTimeout(20_000);
        // A 21-step flow is laid out and measured in the browser; on a loaded machine that takes more than the default 5 s.
        SetDefaultExpectTimeout(20_000);
        _page = await _context.NewPageAsync();
        _page.Console += (_, m) =>
        {
            if (m.Type is "error") TestContext.Out.WriteLine($"[browser {m.Type}] {m.Text}");
        };
        _page.PageError += (_, e) => TestContext.Out.WriteLine($"[page error] {e}");
        return _page;
    }

    [TearDown]
    public async Task ClosePageAsync()
    {
        if (_context is null) return;
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            try
            {
                await _page.ShotAsync("failure-" + TestContext.CurrentContext.Test.MethodName, fullPage: true);
                TestContext.Out.WriteLine("URL at failure: " + _page.Url);
            }
            catch (PlaywrightException)
            {
            }
        }
        await _context.CloseAsync();
    }

    private static ILocator Panel(IPage page) => page.Locator("[data-test=step-panel]");

    /// <summary>Picks an option of an Element Plus select in its own (newest) dropdown; a single select waits for it to close.</summary>
    private static async Task PickAsync(IPage page, ILocator select, string option, bool multiple = false)
    {
        await select.ClickAsync();
        await page.Locator(".el-select-dropdown__item:visible", new PageLocatorOptions { HasText = option }).Last.ClickAsync();
        if (multiple) await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".el-select-dropdown:visible")).ToHaveCountAsync(0);
    }

    private static async Task FillAsync(ILocator input, string text)
    {
        await input.FillAsync(text);
        await input.BlurAsync();
    }

    private static async Task TagsAsync(IPage page, ILocator tagInput, params string[] tags)
    {
        foreach (var tag in tags)
        {
            await tagInput.ClickAsync();
            await page.Keyboard.TypeAsync(tag);
            await page.Keyboard.PressAsync("Enter");
        }
    }

    /// <summary>Adds a step from the palette (it lands in view and is selected) and names it.</summary>
    private static async Task AddStepAsync(IPage page, string kind, string name, string? post = null)
    {
        var before = await page.Locator(".vue-flow__node").CountAsync();
        await page.ClickAsync($"[data-test=palette] [data-kind={kind}]");
        await Expect(page.Locator(".vue-flow__node")).ToHaveCountAsync(before + 1);
        await FillAsync(Panel(page).Locator("[data-test=step-name]"), name);
        if (post is not null) await PickAsync(page, Panel(page).Locator("[data-test=step-role]"), post);
        await Expect(page.Locator(".step-node", new PageLocatorOptions { HasText = name })).ToBeInViewportAsync();
    }

    private static async Task SelectStepAsync(IPage page, string name) =>
        await page.Locator(".step-node", new PageLocatorOptions { HasText = name }).ClickAsync();

    /// <summary>Gives the selected task step one action to a step.</summary>
    private static async Task ActionAsync(IPage page, int index, string name, string target)
    {
        if (await Panel(page).Locator($"[data-action-index='{index}']").CountAsync() == 0) await Panel(page).Locator("[data-test=add-action]").ClickAsync();
        var row = Panel(page).Locator($"[data-action-index='{index}']");
        await FillAsync(row.Locator(".el-input input").Nth(1), name);
        await PickAsync(page, row.Locator($"[data-test=action-to-{index}]"), target);
    }

    private static async Task<string?> TransformAsync(IPage page, string stepName) =>
        await page.Locator(".vue-flow__node", new PageLocatorOptions { Has = page.Locator(".step-node", new PageLocatorOptions { HasText = stepName }) })
            .EvaluateAsync<string>("n => n.style.transform");

    [Test]
    public async Task A_process_owner_builds_the_seal_flow_with_forms_only_and_publishes_it()
    {
        var page = await OpenAsync(1366, 768);
        await page.LoginAsync(Url, "owner", "owner@2026");
        await page.GotoAsync(Url + "/designer");
        await page.ClickAsync("[data-test=new-flow]");
        await page.FillAsync("[data-test=new-flow-id]", "seal-use");
        await page.FillAsync("[data-test=new-flow-name]", "用印审批");
        await PickAsync(page, page.Locator("[data-test=new-flow-role]"), "办公室工作人员");
        await page.ClickAsync("[data-test=new-flow-create]");
        await page.WaitForURLAsync("**/designer/seal-use/1");
        await Expect(page.Locator(".vue-flow__node")).ToHaveCountAsync(2);

        // The form: 用印类型 (合同/证明) and 用印事由, previewed as the clerk will see it.
        var flow = page.Locator("[data-test=flow-panel]");
        await flow.GetByRole(AriaRole.Tab, new() { Name = "表单字段" }).ClickAsync();
        await flow.Locator("[data-test=add-field]").ClickAsync();
        var field = flow.Locator("[data-field-index='0']");
        await FillAsync(field.Locator("[data-test=field-label]"), "用印类型");
        await FillAsync(field.Locator("[data-test=field-id]"), "sealType");
        await PickAsync(page, field.Locator("[data-test=field-type]"), "单选");
        await TagsAsync(page, field.Locator("[data-test=field-options]"), "合同", "证明");
        await field.Locator(".el-checkbox", new() { HasText = "必填" }).ClickAsync();
        await flow.Locator("[data-test=add-field]").ClickAsync();
        await FillAsync(flow.Locator("[data-field-index='1'] [data-test=field-label]"), "用印事由");
        await FillAsync(flow.Locator("[data-field-index='1'] [data-test=field-id]"), "reason");
        var preview = flow.Locator("[data-test=form-preview]");
        await Expect(preview.Locator("[data-form-item=sealType]")).ToContainTextAsync("用印类型");
        await Expect(preview.Locator("[data-form-item=reason]")).ToContainTextAsync("用印事由");

        // A risk point with its level and measure.
        await flow.GetByRole(AriaRole.Tab, new() { Name = "风险点" }).ClickAsync();
        await flow.Locator("[data-test=add-risk]").ClickAsync();
        await FillAsync(flow.Locator("[data-risk-index='0'] [data-test=risk-text]"), "用印审核不严，超范围用印。");
        await TagsAsync(page, flow.Locator("[data-risk-index='0'] [data-test=risk-measures]"), "科室负责人审核用印事由");

        // The steps, from the palette; each lands in view.
        await SelectStepAsync(page, "办理");
        await FillAsync(Panel(page).Locator("[data-test=step-name]"), "用印申请");
        await AddStepAsync(page, "task", "科室负责人审核", "相关科室负责人");
        await AddStepAsync(page, "decision", "用印类型判断");
        await AddStepAsync(page, "vote", "党组会议");
        await AddStepAsync(page, "task", "分管领导审批", "分管副主任");
        await AddStepAsync(page, "task", "用印登记", "办公室工作人员");
        await page.ShotAsync("designer-01-steps");

        // 申请 → 审核 → 判断; 审核 carries the risk point and the separation-of-duties check with its parameter form.
        await SelectStepAsync(page, "用印申请");
        await ActionAsync(page, 0, "提交", "科室负责人审核");
        await SelectStepAsync(page, "科室负责人审核");
        await ActionAsync(page, 0, "同意", "用印类型判断");
        await PickAsync(page, Panel(page).Locator("[data-test=step-risks]"), "风险①", multiple: true);
        await Panel(page).Locator("[data-test=add-check]").ClickAsync();
        var check = Panel(page).Locator("[data-test=check-editor]");
        await PickAsync(page, check.Locator("[data-test=check-name]"), "审批分离");
        await Expect(check.Locator("[data-param=steps]")).ToContainTextAsync("不得已办理的环节");
        await PickAsync(page, check.Locator("[data-param=steps] .el-select"), "用印申请", multiple: true);

        // The condition from the builder: 用印类型 等于 合同 → 党组会议, otherwise → 分管领导审批.
        await SelectStepAsync(page, "用印类型判断");
        await Panel(page).Locator("[data-test=add-route]").ClickAsync();
        await Panel(page).Locator("[data-test=cond-add-rule]").ClickAsync();
        var rule = Panel(page).Locator("[data-test=cond-rule]");
        await Expect(rule.Locator("[data-test=cond-field]")).ToContainTextAsync("用印类型");
        await Expect(rule.Locator("[data-test=cond-op]")).ToContainTextAsync("等于");
        await Expect(rule.Locator("[data-test=cond-value]")).ToContainTextAsync("合同");
        await Expect(Panel(page).Locator("[data-test=cond-text]")).ToHaveTextAsync("sealType == '合同'");
        await PickAsync(page, Panel(page).Locator("[data-test=route-to-0]"), "党组会议");
        await PickAsync(page, Panel(page).Locator("[data-test=otherwise]"), "分管领导审批");

        // The vote: 党组成员, 三分之二 quorum, anonymous, the chair speaks last; passed → 登记, rejected → 办结.
        await SelectStepAsync(page, "党组会议");
        await PickAsync(page, Panel(page).Locator("[data-test=vote-members]"), "党组成员");
        await PickAsync(page, Panel(page).Locator("[data-test=quorum]"), "三分之二以上");
        await Panel(page).Locator("[data-test=ballot] .el-radio", new() { HasText = "无记名" }).ClickAsync();
        await Expect(Panel(page).Locator(".el-checkbox", new() { HasText = "末位表态" })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-checked"));
        await PickAsync(page, Panel(page).Locator("[data-test=outcome-passed]"), "用印登记");
        await PickAsync(page, Panel(page).Locator("[data-test=outcome-rejected]"), "办结");

        await SelectStepAsync(page, "分管领导审批");
        await ActionAsync(page, 0, "同意", "用印登记");
        await SelectStepAsync(page, "用印登记");
        await ActionAsync(page, 0, "登记", "办结");

        // Validate: no errors; drag a step somewhere of our own and save.
        await page.ClickAsync("[data-test=validate]");
        await Expect(page.Locator("[data-test=valid-ok]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=lint]")).ToHaveCountAsync(0);
        var node = page.Locator(".step-node", new PageLocatorOptions { HasText = "用印登记" });
        var box = (await node.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + 10);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 2 + 120, box.Y + 40, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await page.WaitForTimeoutAsync(300);
        var moved = await TransformAsync(page, "用印登记");
        await page.ShotAsync("designer-02-built");
        await page.ClickAsync("[data-test=save]");
        await page.WaitForURLAsync("**/designer/seal-use/2");

        // A reload draws every step where it was.
        await page.ReloadAsync();
        await Expect(page.Locator(".vue-flow__node")).ToHaveCountAsync(7);
        (await TransformAsync(page, "用印登记")).Should().Be(moved);
        await page.ClickAsync("[data-test=publish]");
        await page.ConfirmMessageBoxAsync();
        await Expect(page.Locator("[data-test=designer-status]")).ToHaveTextAsync("已发布");

        // Never the JSON pane.
        await Expect(page.Locator("[data-test=designer]")).ToHaveAttributeAsync("data-json-opened", "false");
        await Expect(page.Locator("[data-test=json-editor]")).ToHaveCountAsync(0);
        (await page.EvaluateAsync<string?>("() => sessionStorage.getItem('wf.designer.jsonOpened')")).Should().BeNull();
        await page.ShotAsync("designer-03-published");

        // The published flow as the engine reads it.
        using var api = new HttpClient { BaseAddress = new Uri(Url) };
        var login = await api.PostAsJsonAsync("/api/auth/login", new { username = "owner", password = "owner@2026" });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var definition = (await api.GetFromJsonAsync<JsonElement>("/api/definitions/seal-use?version=2")).GetProperty("definition");
        var steps = definition.GetProperty("steps").EnumerateArray().ToList();
        var decision = steps.Single(s => s.GetProperty("kind").GetString() == "decision");
        decision.GetProperty("routes")[0].GetProperty("when").GetString().Should().Be("sealType == '合同'");
        var review = steps.Single(s => s.GetProperty("name").GetString() == "科室负责人审核");
        review.GetProperty("checks")[0].GetProperty("check").GetString().Should().Be("separation-of-duties");
        review.GetProperty("checks")[0].GetProperty("params").GetProperty("steps")[0].GetString().Should().Be("handle");
        var vote = steps.Single(s => s.GetProperty("kind").GetString() == "vote");
        vote.GetProperty("ballot").GetString().Should().Be("anonymous");
        vote.GetProperty("quorum").GetString().Should().Be("two-thirds");
        definition.GetProperty("riskPoints")[0].GetProperty("measures")[0].GetString().Should().Be("科室负责人审核用印事由");
        definition.GetProperty("layout").EnumerateObject().Should().HaveCount(7);
    }

    [Test]
    public async Task Deleting_asks_first_and_undo_redo_and_the_unsaved_guard_work()
    {
        var page = await OpenAsync(1024, 768);
        await page.LoginAsync(Url, "owner", "owner@2026");
        await page.GotoAsync(Url + "/designer/licensing-approval/1");
        var nodes = page.Locator(".vue-flow__node");
        await Expect(page.Locator(".step-node[data-step=review]")).ToBeVisibleAsync();
        var count = await nodes.CountAsync();
        var review = page.Locator(".step-node[data-step=review]");

        // Delete asks; cancelling keeps the step.
        await review.ClickAsync();
        await page.Keyboard.PressAsync("Delete");
        var box = page.Locator(".el-message-box:visible");
        await Expect(box).ToContainTextAsync("删除环节");
        await box.Locator(".el-button", new() { HasText = "取消" }).ClickAsync();
        await Expect(nodes).ToHaveCountAsync(count);

        // Confirming removes it; undo brings it back, redo removes it again, the undo button once more.
        await review.ClickAsync();
        await page.Keyboard.PressAsync("Backspace");
        await page.ConfirmMessageBoxAsync();
        await Expect(nodes).ToHaveCountAsync(count - 1);
        await Expect(page.Locator("[data-test=dirty]")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(400);
        await page.Locator(".vue-flow__pane").ClickAsync(new() { Position = new Position { X = 5, Y = 5 } });
        await page.Keyboard.PressAsync("Control+z");
        await Expect(nodes).ToHaveCountAsync(count);
        await Expect(review).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Control+Shift+z");
        await Expect(nodes).ToHaveCountAsync(count - 1);
        await page.ClickAsync("[data-test=undo]");
        await Expect(nodes).ToHaveCountAsync(count);
        await page.ClickAsync("[data-test=redo]");
        await Expect(nodes).ToHaveCountAsync(count - 1);

        // Leaving with unsaved changes asks; staying keeps the edit.
        await page.ClickAsync("[data-test='menu-designer']");
        var guard = page.Locator(".el-message-box:visible");
        await Expect(guard).ToContainTextAsync("未保存的修改");
        await page.ShotAsync("designer-04-unsaved-guard");
        await guard.Locator(".el-button", new() { HasText = "留下继续编辑" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/designer/licensing-approval/1$"));
        await Expect(nodes).ToHaveCountAsync(count - 1);

        // Validation lists the broken references; a click selects and centres the step.
        await page.ClickAsync("[data-test=validate]");
        var lint = page.Locator("[data-test=lint-item]");
        await Expect(lint.First).ToBeVisibleAsync();
        await Expect(lint.Filter(new() { HasText = "流程：" }).First).ToBeVisibleAsync();
        await lint.Filter(new() { HasText = "受理（窗口收件）：" }).First.ClickAsync();
        await Expect(page.Locator(".step-node.selected[data-step=intake]")).ToBeInViewportAsync();
        await Expect(Panel(page).Locator("[data-test=step-name]")).ToHaveValueAsync("受理（窗口收件）");
        await page.ShotAsync("designer-05-lint-1024");

        // Undo back to the loaded version: nothing to guard any more.
        await page.ClickAsync("[data-test=undo]");
        await Expect(page.Locator("[data-test=dirty]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-test='menu-designer']");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/designer$"));
    }

    [Test]
    public async Task A_leader_approves_with_an_opinion_on_a_phone()
    {
        // A licensing case accepted at the window waits for the business section's review.
        using var window = await ApiAsync("window", "window@2026");
        var started = await window.PostAsJsonAsync("/api/cases", new
        {
            definitionId = "licensing-approval",
            data = new { applicant = "康宁妇产医院", contact = "0735-2222222", item = "母婴保健技术服务机构执业许可", kind = "承诺件" },
        });
        started.IsSuccessStatusCode.Should().BeTrue(await started.Content.ReadAsStringAsync());
        var view = await started.Content.ReadFromJsonAsync<JsonElement>();
        var caseId = view.GetProperty("id").GetString()!;
        var intake = view.GetProperty("outlook").GetProperty("tasks")[0].GetProperty("taskId").GetString();
        var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/tasks/{intake}/actions/accept")
        {
            Content = JsonContent.Create(new { data = new { materials = new[] { "application", "identity", "qualification", "premises" } } }),
        };
        accept.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{view.GetProperty("version").GetInt64()}\""));
        var accepted = await window.SendAsync(accept);
        accepted.IsSuccessStatusCode.Should().BeTrue(await accepted.Content.ReadAsStringAsync());

        var page = await OpenAsync(390, 844, mobile: true);
        await page.GotoAsync(Url + "/login");
        await page.FillAsync("input[name=username]", "reviewer");
        await page.FillAsync("input[name=password]", "reviewer@2026");
        await page.ClickAsync("[data-test=login-submit]");
        await page.WaitForURLAsync(u => !u.Contains("/login"));
        await page.GotoAsync(Url + "/m/tasks");
        var card = page.Locator($"[data-test=m-task][data-case='{caseId}']");
        await Expect(card).ToContainTextAsync("康宁妇产医院");
        await page.ShotAsync("mobile-01-tasks");
        await card.ClickAsync();
        await Expect(page.Locator("[data-test=m-case-title]")).ToContainTextAsync("康宁妇产医院");
        var task = page.Locator("[data-test=m-case-task][data-step=review]");
        var pass = task.Locator("[data-action=pass]");
        await Expect(pass).ToBeVisibleAsync();
        // Nothing on the page is wider than the phone.
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390);
        await page.ShotAsync("mobile-02-case");
        await pass.ClickAsync();
        var dialog = page.Locator("[data-test=action-dialog]");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator("[data-test=opinion]").FillAsync("材料齐全，符合条件，同意。");
        if (await dialog.Locator("[data-test=risk-confirm]").CountAsync() > 0) await dialog.Locator("[data-test=risk-confirm]").ClickAsync();
        await page.ShotAsync("mobile-03-opinion");
        await page.ClickAsync("[data-test=action-submit]");
        await Expect(page.Locator(".el-message--success")).ToContainTextAsync("已办理");
        await Expect(page.Locator("[data-test=m-case-task][data-step=review]")).ToHaveCountAsync(0);
        await page.ShotAsync("mobile-04-done");

        var history = await window.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/history");
        history.EnumerateArray().Should().Contain(h => h.ToString().Contains("材料齐全，符合条件，同意。"));
    }

    private async Task<HttpClient> ApiAsync(string user, string password)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
