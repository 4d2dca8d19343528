using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkflowEngine.Browser.Tests;

/// <summary>
/// The scenario in a real Chromium against the real Host: a clerk signs in, starts a licensing case, issues a
/// correction notice (the printed notice lists every missing item), accepts the corrected case; an official approves with the
/// risk prompt shown; the supervisor advances the clock and sees the red card arrive live; a process owner breaks a flow in the
/// designer, sees the error on the node, fixes it and publishes a new version while a running case stays on the old one.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class UiScenarioTests
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

    [SetUp]
    public async Task NewPageAsync()
    {
        _context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        _context.SetDefaultTimeout(15_000);
        _page = await _context.NewPageAsync();
        _page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning") TestContext.Out.WriteLine($"[browser {m.Type}] {m.Text}");
        };
        _page.PageError += (_, e) => TestContext.Out.WriteLine($"[page error] {e}");
    }

    [TearDown]
    public async Task ClosePageAsync()
    {
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

    [Test]
    public async Task The_sign_in_page_loads_compressed_within_its_budget()
    {
        const long budgetBytes = 700_000;
        const double budgetSeconds = 8;
        var responses = new List<IResponse>();
        _page.Response += (_, r) => responses.Add(r);
        var watch = Stopwatch.StartNew();
        await _page.GotoAsync(Url + "/login", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await Expect(_page.Locator("text=用户登录")).ToBeVisibleAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        long transferred = 0, decoded = 0;
        foreach (var response in responses.ToList())
        {
            var sizes = await response.Request.SizesAsync();
            transferred += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            try { decoded += (await response.BodyAsync()).Length; }
            catch (PlaywrightException) { }
        }
        TestContext.Out.WriteLine($"sign-in page: {responses.Count} responses, {transferred:N0} bytes transferred ({decoded:N0} decoded), {seconds:0.00} s");
        responses.Where(r => r.Url.Contains("/assets/") && r.Url.EndsWith(".js")).Should().NotBeEmpty();
        foreach (var script in responses.Where(r => r.Url.Contains("/assets/")))
            (await script.AllHeadersAsync()).Should().ContainKey("content-encoding", script.Url);
        transferred.Should().BeLessThan(budgetBytes);
        seconds.Should().BeLessThan(budgetSeconds);
    }

    [Test]
    [CancelAfter(240_000)]
    public async Task Licensing_case_from_intake_to_red_card_and_a_new_flow_version()
    {
        var watch = Stopwatch.StartNew();
        var page = _page;

        // --- The clerk signs in ---
        await page.GotoAsync(Url + "/");
        await Expect(page.Locator("text=用户登录")).ToBeVisibleAsync();
        await page.ShotAsync("01-login");
        await page.LoginAsync(Url, "window", "window@2026");
        await Expect(page.Locator("[data-test=user]")).ToContainTextAsync("窗口 王芳");
        await Expect(page.Locator("[data-test=clock]")).ToContainTextAsync("模拟时钟");
        await Expect(page.Locator("[data-test=clock]")).ToContainTextAsync("2026-03-02 09:00");
        await Expect(page.Locator(".el-menu")).ToContainTextAsync("收件受理");
        await Expect(page.Locator(".el-menu")).Not.ToContainTextAsync("电子监察");
        await Expect(page.Locator(".el-menu")).Not.ToContainTextAsync("流程设计");

        // --- Intake: the form generated from the flow's fields ---
        await page.ClickAsync("[data-test=menu-intake]");
        await page.SelectOptionAsync(page.Locator("[data-test=intake-flow]"), "行政审批（行政许可受理与审批）", "行政许可受理");
        await Expect(page.Locator("[data-form-item=applicant]")).ToBeVisibleAsync();
        await page.FillAsync("[data-form-item=applicant] input", "康宁妇产医院");
        await page.FillAsync("[data-form-item=contact] input", "0371-66668888");
        await page.FillAsync("[data-form-item=item] input", "母婴保健技术服务机构执业许可");
        await page.SelectOptionAsync(page.Locator("[data-form-item=kind] .el-select"), "承诺件");
        await page.ClickAsync("[data-form-item=materials] label:has-text('许可申请书（申请表）')");
        await page.ClickAsync("[data-form-item=materials] label:has-text('申请人身份证明或主体资格证明')");
        await Expect(page.Locator("[data-form-item=materials]")).ToContainTextAsync("必需");
        await page.ShotAsync("03-intake", fullPage: true);
        await page.ClickAsync("[data-test=intake-submit]");
        await page.WaitForURLAsync("**/cases/*");
        var caseUrl = page.Url;
        await Expect(page.Locator("[data-task=intake]")).ToContainTextAsync("受理（窗口收件）");
        await Expect(page.Locator("[data-test=case-version]")).ToHaveTextAsync("流程第 1 版");
        // Each open task names its post and the people who hold it.
        await Expect(page.Locator("[data-task=intake] [data-test=task-holders]")).ToContainTextAsync("窗口 王芳");

        // --- One-time correction notice listing every missing item ---
        var missing = page.Locator("[data-test=missing-list]");
        await Expect(missing).ToContainTextAsync("缺少必需材料 2 项");
        await Expect(missing).ToContainTextAsync("相关专业技术人员资格证书、执业证书");
        await Expect(missing).ToContainTextAsync("场地、设备配备情况说明");
        // Accepting with materials missing is refused by the risk rule, in plain Chinese, naming the risk point.
        await page.ClickAsync("[data-action=accept]");
        var dialog = page.OpenDialog();
        // The core predicts the block with the case data as it stands: a warning before signing, the button stays enabled.
        await Expect(dialog.Locator("[data-test=action-blocks]")).ToContainTextAsync("风险点①");
        await dialog.Locator("[data-test=risk-confirm]").ClickAsync();
        await dialog.Locator("[data-test=action-submit]").ClickAsync();
        await Expect(dialog.Locator("[data-test=action-problem]")).ToContainTextAsync("风险点①");
        await Expect(dialog.Locator("[data-test=action-problem]")).ToContainTextAsync("业务不熟练，对申请材料是否齐全没有进行认真审查。");
        await page.ShotAsync("03b-blocked-action");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(page.OpenDialog()).ToHaveCountAsync(0);

        await page.ClickAsync("[data-action=request-correction]");
        dialog = page.OpenDialog();
        await Expect(dialog).ToContainTextAsync("风险①");
        await Expect(dialog.Locator("[data-form-item=missingItems]")).ToContainTextAsync("相关专业技术人员资格证书、执业证书");
        await Expect(dialog.Locator("[data-form-item=missingItems]")).ToContainTextAsync("场地、设备配备情况说明");
        await dialog.Locator("textarea").First.FillAsync("请补正专业技术人员资格证书及场地、设备情况说明。");
        await dialog.Locator("[data-form-item=correctionRequirements] input").FillAsync("提交原件核验，复印件加盖公章。");
        await Expect(dialog.Locator("[data-test=action-submit]")).ToBeDisabledAsync();
        await dialog.Locator("[data-test=risk-confirm]").ClickAsync();
        await dialog.Locator("[data-test=action-submit]").ClickAsync();
        await page.ConfirmMessageBoxAsync();
        await page.WaitForPrintPageAsync("correction-notice");
        var sheet = page.Locator(".sheet");
        await Expect(sheet).ToContainTextAsync("补正材料一次性告知书");
        await Expect(sheet).ToContainTextAsync("康宁妇产医院");
        var items = sheet.Locator("[data-test=missing-items] li");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.Nth(0)).ToHaveTextAsync("相关专业技术人员资格证书、执业证书");
        await Expect(items.Nth(1)).ToHaveTextAsync("场地、设备配备情况说明");
        await Expect(page.Locator("[data-test=print]")).ToBeVisibleAsync();
        await page.ShotAsync("04-correction-notice-print", fullPage: true);

        // --- The applicant corrects; the clerk accepts ---
        await page.GotoAsync(caseUrl);
        await Expect(page.Locator("[data-task=correction]")).ToContainTextAsync("补正材料");
        await page.Locator("[data-task=correction] .checklist-tools >> text=全部勾选").ClickAsync();
        await page.ClickAsync("[data-action=corrected]");
        await page.OpenDialog().Locator("[data-test=action-submit]").ClickAsync();
        await Expect(page.Locator("[data-task=intake]")).ToBeVisibleAsync();
        await page.Locator("[data-task=intake] .checklist-tools >> text=全部勾选").ClickAsync();
        await Expect(page.Locator("[data-test=missing-list]")).ToContainTextAsync("必需材料齐全");
        await page.ClickAsync("[data-action=accept]");
        dialog = page.OpenDialog();
        await dialog.Locator("[data-test=risk-confirm]").ClickAsync();
        await dialog.Locator("[data-test=action-submit]").ClickAsync();
        await page.ConfirmMessageBoxAsync();
        await page.WaitForPrintPageAsync("acceptance-notice");
        // The decision day is the core's: the document's dates and the case's statutory limit.
        await Expect(page.Locator("[data-test=decision-date]")).ToContainTextAsync("本机关将于 2026年3月30日 前作出决定");
        await Expect(page.Locator("[data-test=decision-date]")).ToContainTextAsync("法定时限 20个工作日");
        await page.ShotAsync("05-acceptance-receipt-print", fullPage: true);
        await page.GotoAsync(caseUrl);
        await Expect(page.Locator("[data-test=chain-badge]")).ToContainTextAsync("留痕完整");
        await Expect(page.Locator("[data-deadline=statutory]")).ToContainTextAsync("2026年3月30日");
        await Expect(page.Locator("[data-deadline=promised]")).ToContainTextAsync("2026年3月23日");
        await page.LogoutAsync(Url);

        // --- The reviewer passes it, the deputy approves with the risk prompt shown ---
        await page.LoginAsync(Url, "reviewer", "reviewer@2026");
        await Expect(page.Locator(".work-table")).ToContainTextAsync("康宁妇产医院");
        await Expect(page.Locator(".work-table [data-test=countdown]").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("countdown--(normal|yellow)"));
        await page.ShotAsync("02-work-list");
        await page.ClickAsync("[data-test=open-task]");
        await page.ClickAsync("[data-action=pass]");
        dialog = page.OpenDialog();
        await Expect(dialog).ToContainTextAsync("对于是否符合设置许可条件把关不严");
        await dialog.Locator("textarea").First.FillAsync("经审核，符合设置许可条件。");
        await dialog.Locator("[data-test=risk-confirm]").ClickAsync();
        await dialog.Locator("[data-test=action-submit]").ClickAsync();
        await Expect(page.Locator(".el-message--success")).ToContainTextAsync("审核通过");
        await page.LogoutAsync(Url);

        await page.LoginAsync(Url, "deputy", "deputy@2026");
        await page.ClickAsync("[data-test=open-task]");
        await Expect(page.Locator("[data-task=approve-deputy]")).ToContainTextAsync("风险③");
        await page.ClickAsync("[data-action=agree]");
        dialog = page.OpenDialog();
        await Expect(dialog).ToContainTextAsync("签署前请确认本环节廉政风险点及防控措施");
        await Expect(dialog).ToContainTextAsync("对于是否符合条件把关不严，轻易在审批表上签字同意。");
        await Expect(dialog).ToContainTextAsync("严格工作程序，受理、审核与审批相分离");
        await dialog.Locator("textarea").First.FillAsync("同意，报主任审批。");
        await page.ShotAsync("06-case-risk-prompt");
        await dialog.Locator("[data-test=risk-confirm]").ClickAsync();
        await dialog.Locator("[data-test=action-submit]").ClickAsync();
        await Expect(page.Locator("[data-task=approve-director]")).ToBeVisibleAsync();
        await Expect(page.Locator(".step-node.active[data-step=approve-director]")).ToBeVisibleAsync();
        // The director's actions are refused to the deputy, with the core's reason.
        await Expect(page.Locator("[data-task=approve-director] [data-action=grant]")).ToBeDisabledAsync();
        await Expect(page.Locator("[data-task=approve-director] [data-test=action-reasons]")).ToContainTextAsync("须由本委主任办理");
        await page.ShotAsync("07-case-page");
        await page.LogoutAsync(Url);

        // --- The supervisor advances the clock and the red card arrives live ---
        await page.LoginAsync(Url, "supervisor", "supervisor@2026");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/supervision$"));
        await Expect(page.Locator("[data-test=live]")).ToHaveTextAsync("实时预警已连接");
        await Expect(page.Locator("[data-alert-level=red]").Filter(new LocatorFilterOptions { HasText = "康宁妇产医院" })).ToHaveCountAsync(0);
        await page.ClickAsync("[data-test=advance-clock]");
        await page.Locator(".el-dropdown-menu__item:visible", new PageLocatorOptions { HasText = "推进 30 天" }).ClickAsync();
        // Other scenarios' cases share this service and its clock, so the card is picked by its case.
        var red = page.Locator("[data-alert-level=red]").Filter(new LocatorFilterOptions { HasText = "康宁妇产医院" }).First;
        await Expect(red).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Expect(red).ToContainTextAsync("红牌");
        await Expect(page.Locator(".el-notification").Filter(new LocatorFilterOptions { HasText = "红牌" }).First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=clock]")).ToContainTextAsync("2026-04-01");
        await page.ShotAsync("08-supervisor-red-card");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "超期与临期" }).ClickAsync();
        await Expect(page.Locator("[data-test=overdue-table]")).ToContainTextAsync("行政审批");
        await page.LogoutAsync(Url);

        // --- The process owner breaks the flow, sees the error on the node, fixes it and publishes version 2 ---
        await page.LoginAsync(Url, "owner", "owner@2026");
        await page.GotoAsync(Url + "/designer/licensing-approval/1");
        await page.ClickAsync("[data-test=view-split]");
        var editor = page.Locator(".json-editor textarea");
        await Expect(editor).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"id\": \"licensing-approval\""));
        var json = await editor.InputValueAsync();
        json.Should().Contain("\"to\": \"route-kind\"");
        await editor.FillAsync(json.Replace("\"to\": \"route-kind\"", "\"to\": \"route-kindx\""));
        await page.ClickAsync("[data-test=validate]");
        var broken = page.Locator(".step-node[data-step=review]");
        await Expect(broken).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("has-error"));
        await Expect(broken.Locator("[data-test=node-error]")).ToContainTextAsync("目标环节“route-kindx”不存在");
        await Expect(page.Locator("[data-test=panel-errors]")).ToContainTextAsync(".to：目标环节“route-kindx”不存在");
        await Expect(page.Locator("[data-test=valid-errors]")).ToContainTextAsync("处错误");
        await page.ShotAsync("09-designer-error");

        // Fix it in the side panel: the failing action's target, and lengthen the review time limit.
        await page.SelectOptionAsync(page.Locator("[data-action-index='3'] .el-select").First, "即办件 / 承诺件（route-kind）");
        await page.FillAsync("[data-test=limit-amount] input", "4");
        await page.Locator("[data-test=limit-amount] input").BlurAsync();
        await page.ClickAsync("[data-test=validate]");
        await Expect(page.Locator("[data-test=valid-ok]")).ToBeVisibleAsync();
        await Expect(page.Locator(".step-node.has-error")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-test=save]");
        await page.WaitForURLAsync("**/designer/licensing-approval/2");
        await Expect(page.Locator("[data-test=designer-status]")).ToHaveTextAsync("草稿");
        await page.ClickAsync("[data-test=publish]");
        await page.ConfirmMessageBoxAsync();
        await Expect(page.Locator("[data-test=designer-status]")).ToHaveTextAsync("已发布");
        await page.ShotAsync("10-designer-published");

        await page.GotoAsync(Url + "/designer/licensing-approval/compare/1/2");
        await Expect(page.Locator("[data-test=diff]")).ToContainTextAsync("修改环节 1");
        await Expect(page.Locator("[data-test=diff]")).ToContainTextAsync("环节时限 › 时长");
        await page.ShotAsync("11-version-diff");

        // The running case stays on version 1 (the case is outside a process owner's scope; the supervisor sees every case).
        await page.LogoutAsync(Url);
        await page.LoginAsync(Url, "supervisor", "supervisor@2026");
        await page.GotoAsync(caseUrl);
        await Expect(page.Locator("[data-test=case-version]")).ToHaveTextAsync("流程第 1 版");
        await page.LogoutAsync(Url);
        await page.LoginAsync(Url, "owner", "owner@2026");

        // --- Calendar: view the year, load next year's notice ---
        await page.ClickAsync("[data-test=menu-calendar]");
        await Expect(page.Locator("[data-test=cal-loaded]")).ToContainTextAsync("已加载国务院放假通知");
        await Expect(page.Locator("[data-date='2026-02-14']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("makeupworkday"));
        await Expect(page.Locator("[data-date='2026-10-01']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("holiday"));
        await page.ShotAsync("12-calendar", fullPage: true);
        await page.ClickAsync("[data-test=cal-load]");
        await page.OpenDialog().Locator("[data-test=cal-submit]").ClickAsync();
        await Expect(page.Locator("[data-test=cal-result]")).ToContainTextAsync("2027 年放假安排已加载");
        await Expect(page.Locator("[data-test=cal-result]")).ToContainTextAsync("暂定期限");

        TestContext.Out.WriteLine($"Scenario took {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>A collective decision: the head may vote only after the others; an anonymous ballot never shows who voted what.</summary>
    [Test]
    [CancelAfter(120_000)]
    public async Task Vote_panel_keeps_the_head_last_and_ballots_anonymous()
    {
        const string flow = """
        {
          "id": "ui-test-vote", "version": 1, "name": "党组会议表决（界面测试）", "category": "三重一大",
          "roles": [
            { "id": "party-group-member", "name": "党组成员" }, { "id": "party-secretary", "name": "党组书记" }
          ],
          "fields": [ { "id": "matter", "label": "议题", "type": "text", "required": true } ],
          "start": "meeting",
          "steps": [
            { "id": "meeting", "kind": "vote", "name": "党组会议表决", "timeLimit": { "duration": "5wd" },
              "members": "party-group-member", "chair": "party-secretary", "quorum": "more-than-half",
              "pass": { "base": "members", "threshold": "more-than-half" }, "ballot": "anonymous", "chairSpeaksLast": true,
              "outcomes": { "passed": "adopted", "rejected": "rejected" } },
            { "id": "adopted", "kind": "end", "name": "通过", "outcome": "completed" },
            { "id": "rejected", "kind": "end", "name": "未通过", "outcome": "terminated" }
          ]
        }
        """;
        using var owner = await ApiAsync("owner", "owner@2026");
        var saved = await owner.PostAsync("/api/definitions", new StringContent(flow, System.Text.Encoding.UTF8, "application/json"));
        saved.IsSuccessStatusCode.Should().BeTrue(await saved.Content.ReadAsStringAsync());
        var version = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        (await owner.PostAsync($"/api/definitions/ui-test-vote/versions/{version}/publish", null)).EnsureSuccessStatusCode();

        using var director = await ApiAsync("director", "director@2026");
        var started = await director.PostAsJsonAsync("/api/cases", new { definitionId = "ui-test-vote", data = new { matter = "2026 年度重点项目资金安排" } });
        started.IsSuccessStatusCode.Should().BeTrue(await started.Content.ReadAsStringAsync());
        var caseJson = await started.Content.ReadFromJsonAsync<JsonElement>();
        var caseId = caseJson.GetProperty("id").GetString();
        var taskId = caseJson.GetProperty("outlook").GetProperty("tasks")[0].GetProperty("taskId").GetString();
        // The deputy attends and votes first (anonymous), the chair attends, deputy2 has not voted yet.
        using var deputy = await ApiAsync("deputy", "deputy@2026");
        (await deputy.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{taskId}/vote/attend", new { })).EnsureSuccessStatusCode();
        (await deputy.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{taskId}/vote/cast", new { choice = "for" })).EnsureSuccessStatusCode();
        using var deputy2 = await ApiAsync("deputy2", "deputy2@2026");
        (await deputy2.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{taskId}/vote/attend", new { })).EnsureSuccessStatusCode();

        var page = _page;
        await page.LoginAsync(Url, "director", "director@2026");
        await page.GotoAsync($"{Url}/cases/{caseId}");
        var panel = page.Locator("[data-test=vote-panel]");
        await Expect(panel.Locator("[data-test=ballot-kind]")).ToHaveTextAsync("无记名投票");
        // The chair may sign absent members in, row by row; members already present have no sign-in button.
        await Expect(panel.Locator("[data-test=member-attend][data-member=director]")).ToBeVisibleAsync();
        await Expect(panel.Locator("[data-test=member-attend][data-member=deputy]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-test=vote-attend]");
        await Expect(panel.Locator("[data-member-status=director]")).ToHaveTextAsync("出席，未表态");
        // The head may not vote while a present member has not.
        await Expect(panel.Locator("[data-test=vote-cast]")).ToBeDisabledAsync();
        await Expect(panel.Locator("[data-test=vote-disabled-reason]")).ToContainTextAsync("主持人须末位表态");
        await Expect(panel.Locator("[data-test=vote-disabled-reason]")).ToContainTextAsync("副主任 马超");
        // The anonymous ballot shows that the deputy voted, never what.
        await Expect(panel.Locator("[data-member-status=deputy]")).ToHaveTextAsync("已投票");
        await Expect(panel.Locator("[data-test=vote-members]")).Not.ToContainTextAsync("同意");
        await page.ShotAsync("13-vote-panel", fullPage: true);

        (await deputy2.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{taskId}/vote/cast", new { choice = "against" })).EnsureSuccessStatusCode();
        // The page still holds the old version: its next command is refused with 409 (If-Match), the user is told and the page reloads.
        await panel.Locator("tr", new() { HasText = "纪检组长 高远" }).Locator("[data-test=member-attend]").ClickAsync();
        await Expect(page.Locator(".el-message-box:visible")).ToContainTextAsync("案件已更新");
        await page.ConfirmMessageBoxAsync();
        await Expect(panel.Locator("[data-member-status=deputy2]")).ToHaveTextAsync("已投票");
        await Expect(panel.Locator("[data-test=vote-cast]")).ToBeDisabledAsync(); // no choice yet
        await panel.Locator("[data-test=vote-choice] label:has-text('同意')").First.ClickAsync();
        await Expect(panel.Locator("[data-test=vote-cast]")).ToBeEnabledAsync();
        await panel.Locator("[data-test=vote-cast]").ClickAsync();
        await Expect(panel.Locator("[data-member-status=director]")).ToHaveTextAsync("已投票");
        await panel.Locator("[data-test=vote-close]").ClickAsync();
        await page.ConfirmMessageBoxAsync();
        var record = page.Locator("[data-test=vote-records]");
        await Expect(record).ToContainTextAsync("同意 2 票，不同意 1 票，弃权 0 票（无记名）");
        await Expect(record).Not.ToContainTextAsync("各成员表态");
        await page.ShotAsync("14-vote-record", fullPage: true);
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task A_supervisors_urge_is_marked_at_the_top_of_the_handlers_work_list_and_answered_there()
    {
        // The case reaches the review step through the API; the urge and the answer go through the pages.
        var window = await ApiAsync("window", "window@2026");
        var started = await (await window.PostAsJsonAsync("/api/cases", new
        {
            definitionId = "licensing-approval",
            data = new { applicant = "督办测试医院", contact = "0735-1234567", item = "母婴保健技术服务机构执业许可", kind = "承诺件" },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var caseId = started.GetProperty("id").GetString()!;
        var intake = started.GetProperty("outlook").GetProperty("tasks")[0].GetProperty("taskId").GetString()!;
        (await window.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{intake}/actions/accept",
            new { data = new { materials = new[] { "application", "identity", "qualification", "premises" } } })).EnsureSuccessStatusCode();

        var page = _page;
        await page.LoginAsync(Url, "supervisor", "supervisor@2026");
        await page.GotoAsync($"{Url}/cases/{caseId}");
        await page.Locator("[data-test=new-urge]").ClickAsync();
        var dialog = page.OpenDialog();
        await dialog.Locator(".el-select").ClickAsync();
        await page.Locator(".el-select-dropdown__item:visible", new() { HasText = "审核" }).ClickAsync();
        await dialog.Locator("textarea").FillAsync("请于明日报告审核进度");
        var replyBy = dialog.Locator(".el-date-editor input");
        await replyBy.FillAsync("2026-03-04 17:00:00");
        await replyBy.PressAsync("Enter");
        await dialog.Locator(".el-dialog__title").ClickAsync();
        await dialog.Locator("[data-test=urge-ok]").ClickAsync();
        await Expect(page.Locator("[data-test=urge-panel]")).ToContainTextAsync("请于明日报告审核进度");
        await page.ShotAsync("20-urge-sent");
        await page.LogoutAsync(Url);

        await page.LoginAsync(Url, "reviewer", "reviewer@2026");
        await page.GotoAsync(Url + "/tasks");
        var urges = page.Locator("[data-test=urges]");
        await Expect(urges).ToContainTextAsync("督办事项（1）");
        await Expect(urges).ToContainTextAsync("请于明日报告审核进度");
        await Expect(urges).ToContainTextAsync("审核");
        // The urges come before the work list, and the urged task is marked in it.
        (await urges.BoundingBoxAsync())!.Y.Should().BeLessThan((await page.Locator(".work-table").BoundingBoxAsync())!.Y);
        await Expect(page.Locator(".work-table [data-test=urged-mark]")).ToHaveCountAsync(1);
        await page.ShotAsync("21-urge-at-top-of-work-list", fullPage: true);
        await urges.Locator("[data-test=answer-urge]").ClickAsync();
        var box = page.Locator(".el-message-box:visible");
        await box.Locator("textarea").FillAsync("今日下午完成审核并报告");
        await page.ConfirmMessageBoxAsync();
        await Expect(urges).ToHaveCountAsync(0);
        await Expect(page.Locator(".work-table [data-test=urged-mark]")).ToHaveCountAsync(0);

        var history = await (await ApiAsync("supervisor", "supervisor@2026")).GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/history");
        history.EnumerateArray().Should().Contain(h => h.GetProperty("type").GetString() == "urge-answered"
            && h.GetProperty("opinion").GetString() == "今日下午完成审核并报告");
    }

    private async Task<HttpClient> ApiAsync(string user, string password)
    {
        // A script signs in with a token, as the README's walkthrough does (a cookie alone is for the product's own pages).
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
