using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WorkflowEngine.Store.Documents;
using static Microsoft.Playwright.Assertions;

namespace WorkflowEngine.Browser.Tests;

/// <summary>
/// Every notice of a licensing case through the UI, as the applicant receives it: an administrator sets the agency's name,
/// contacts, 复议机关, court and 文号 on the 文书设置 page; a clerk issues the correction notice, the acceptance notice and, on
/// another case, a refusal; the director extends a case and grants it, and denies another; a reviewer tells a third
/// applicant of the right to a hearing. Each .docx is downloaded from the case page and opened here to check the applicant,
/// the 文号, the dates and the legal basis. The tests run in order: the first finds the shipped settings.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DocumentUiTests : BrowserFixture
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private string Url => Server.Url;

    [SetUp]
    public async Task NewPageAsync()
    {
        _context = await Session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai", AcceptDownloads = true,
        });
        _context.SetDefaultTimeout(15_000);
        _page = await _context.NewPageAsync();
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
            }
            catch (PlaywrightException)
            {
            }
        }
        await _context.CloseAsync();
    }

    [Test]
    [Order(1)]
    [CancelAfter(240_000)]
    public async Task Each_notice_of_a_licensing_case_downloads_as_a_word_document_with_the_agency_s_number_dates_and_legal_basis()
    {
        var page = _page;
        await page.LoginAsync(Url, "admin", "admin@2026");
        await page.GotoAsync(Url + "/document-settings");
        // The form shows the stored settings first (the shipped defaults); typing before they arrive would be overwritten.
        await Expect(page.Locator("input[data-test=agency-fullName], [data-test=agency-fullName] input").First).ToHaveValueAsync("某市卫生健康委员会", new() { Timeout = 30_000 });
        await Fill(page, "agency-fullName", "湘南市卫生健康委员会");
        await Fill(page, "agency-address", "湘南市政务服务中心二楼");
        await Fill(page, "agency-telephone", "0735-2888888");
        await Fill(page, "agency-reconsideration", "湘南市人民政府");
        await Fill(page, "agency-court", "湘南市北湖区人民法院");
        await Fill(page, "pattern-correction-notice", "湘南卫许补字〔{year}〕第{n}号");
        await Fill(page, "pattern-acceptance-notice", "湘南卫许受字〔{year}〕第{n}号");
        await Fill(page, "pattern-refusal-decision", "湘南卫许不受字〔{year}〕第{n}号");
        await page.ClickAsync("[data-test=agency-save]");
        await Expect(page.Locator(".el-message--success")).ToContainTextAsync("已保存文书设置", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-test=templates]")).ToContainTextAsync("不予受理决定书");
        await page.ShotAsync("20-document-settings", fullPage: true);
        await page.LogoutAsync(Url);

        await page.LoginAsync(Url, "window", "window@2026");
        var caseUrl = await IntakeAsync(page, "康宁妇产医院");
        await page.ClickAsync("[data-action=request-correction]");
        var dialog = page.OpenDialog();
        await dialog.Locator("[data-form-item=correctionRequirements] input").FillAsync("提交原件核验，复印件加盖公章。");
        await dialog.Locator("textarea").First.FillAsync("内部：申请人材料不全");
        await dialog.Locator("[data-test=risk-confirm]").ClickAsync();
        await dialog.Locator("[data-test=action-submit]").ClickAsync();
        await page.ConfirmMessageBoxAsync();
        await page.WaitForPrintPageAsync("correction-notice");
        await page.GotoAsync(caseUrl);
        var correction = await DownloadAsync(page, "correction-notice");
        correction.Should().Contain("湘南市卫生健康委员会").And.Contain("补正材料一次性告知书").And.Contain("湘南卫许补字〔2026〕第1号")
            .And.Contain("康宁妇产医院").And.Contain("1. 相关专业技术人员资格证书、执业证书").And.Contain("2. 场地、设备配备情况说明")
            .And.Contain("补正要求：提交原件核验，复印件加盖公章。").And.Contain("请于2026年3月16日前", "10 working days from 2026-03-02")
            .And.Contain("第三十二条第一款第（四）项").And.Contain("0735-2888888").And.Contain("2026年3月2日");
        correction.Should().NotContain("内部：").And.NotContain("qualification");

        await page.Locator("[data-task=correction] .checklist-tools >> text=全部勾选").ClickAsync();
        await page.ClickAsync("[data-action=corrected]");
        await page.OpenDialog().Locator("[data-test=action-submit]").ClickAsync();
        await page.Locator("[data-task=intake] .checklist-tools >> text=全部勾选").ClickAsync();
        await page.ClickAsync("[data-action=accept]");
        dialog = page.OpenDialog();
        await dialog.Locator("[data-test=risk-confirm]").ClickAsync();
        await dialog.Locator("[data-test=action-submit]").ClickAsync();
        await page.ConfirmMessageBoxAsync();
        await page.WaitForPrintPageAsync("acceptance-notice");
        await page.GotoAsync(caseUrl);
        var acceptance = await DownloadAsync(page, "acceptance-notice");
        acceptance.Should().Contain("受理通知书").And.Contain("湘南卫许受字〔2026〕第1号").And.Contain("康宁妇产医院")
            .And.Contain("本机关将于2026年3月30日前作出行政许可决定").And.Contain("行政许可法第四十二条").And.Contain("第三十二条第一款第（五）项");
        await page.ShotAsync("21-case-files", fullPage: true);

        var refusedUrl = await IntakeAsync(page, "北湖区某诊所");
        await page.ClickAsync("[data-action=refuse]");
        dialog = page.OpenDialog();
        await dialog.Locator("[data-form-item=refusalGround] input").FillAsync("申请事项依法不属于本机关职权范围。");
        await dialog.Locator("textarea").First.FillAsync("不予受理");
        var confirm = dialog.Locator("[data-test=risk-confirm]");
        if (await confirm.CountAsync() > 0) await confirm.ClickAsync();
        await dialog.Locator("[data-test=action-submit]").ClickAsync();
        await page.ConfirmMessageBoxAsync();
        await page.WaitForPrintPageAsync("refusal-decision");
        await page.GotoAsync(refusedUrl);
        var refusal = await DownloadAsync(page, "refusal-decision");
        refusal.Should().Contain("不予受理决定书").And.Contain("湘南卫许不受字〔2026〕第1号").And.Contain("北湖区某诊所")
            .And.Contain("申请事项依法不属于本机关职权范围。").And.Contain("向湘南市人民政府申请行政复议").And.Contain("向湘南市北湖区人民法院提起行政诉讼")
            .And.Contain("《中华人民共和国行政复议法》第二十条").And.Contain("《中华人民共和国行政诉讼法》第四十六条").And.Contain("2026年9月2日");
    }

    [Test]
    [Order(2)]
    [CancelAfter(300_000)]
    public async Task Extension_hearing_grant_and_denial_notices_issued_in_the_browser_carry_the_agency_s_numbers_dates_and_basis()
    {
        using (var admin = await ApiAsAsync("admin"))
            (await admin.PutAsJsonAsync("/api/agency-settings", new
            {
                fullName = "湘南市卫生健康委员会", shortName = "湘南市卫健委", address = "湘南市政务服务中心二楼", telephone = "0735-2888888",
                reconsiderationBody = "湘南市人民政府", court = "湘南市北湖区人民法院",
                numberPatterns = new Dictionary<string, string>
                {
                    ["extension-notice"] = "湘南卫许延字〔{year}〕第{n}号", ["hearing-notice"] = "湘南卫许听字〔{year}〕第{n}号",
                    ["grant-decision"] = "湘南卫许准字〔{year}〕第{n}号", ["denial-decision"] = "湘南卫许不准字〔{year}〕第{n}号",
                },
            })).EnsureSuccessStatusCode();
        // The steps before the notices are driven through the API; the notices themselves are issued in the browser.
        using var clerk = await ApiAsAsync("window");
        using var reviewer = await ApiAsAsync("reviewer");
        using var deputy = await ApiAsAsync("deputy");
        var granted = await ReachDirectorAsync(clerk, reviewer, deputy, "湘南仁爱妇产医院");
        var denied = await ReachDirectorAsync(clerk, reviewer, deputy, "北湖区康泰门诊部");
        var heard = await AcceptedAsync(clerk, "苏仙区安宁医院");

        var page = _page;
        await page.LoginAsync(Url, "director", "director@2026");
        await Expect(page.Locator("[data-test=agency-name]")).ToHaveTextAsync("湘南市卫生健康委员会", new() { Timeout = 30_000 });
        await page.GotoAsync($"{Url}/cases/{granted}");
        await ActAsync(page, "approve-director", "extend", "extension-notice", ("extensionReason", "需征求省卫生健康委意见"), "情况复杂，同意延期");
        await Expect(page.Locator("[data-test=official-text]")).ToContainTextAsync("湘南卫许延字〔2026〕第1号", new() { Timeout = 30_000 });
        await page.GotoAsync($"{Url}/cases/{granted}");
        var extension = await DownloadAsync(page, "extension-notice");
        extension.Should().Contain("延长办理期限告知书").And.Contain("湘南卫许延字〔2026〕第1号").And.Contain("湘南仁爱妇产医院")
            .And.Contain("因需征求省卫生健康委意见").And.Contain("第四十二条").And.Contain("办理期限延长十日")
            .And.Contain("本机关将于2026年4月14日前作出决定", "20 + 10 working days from 03-02, past 清明 04-04…04-06").And.NotContain("同意延期");

        await ActAsync(page, "approve-director", "grant", "grant-decision", null, "符合条件，准予许可");
        await page.GotoAsync($"{Url}/cases/{granted}");
        var grant = await DownloadAsync(page, "grant-decision");
        grant.Should().Contain("准予行政许可决定书").And.Contain("湘南卫许准字〔2026〕第1号").And.Contain("湘南仁爱妇产医院")
            .And.Contain("第三十八条第一款").And.Contain("十日内").And.Contain("第四十四条").And.Contain("2026年3月2日").And.NotContain("{{");

        await page.GotoAsync($"{Url}/cases/{denied}");
        await ActAsync(page, "approve-director", "deny", "denial-decision", ("denialGround", "现场核查发现手术室面积不符合标准。"), "不予许可");
        await page.GotoAsync($"{Url}/cases/{denied}");
        var denial = await DownloadAsync(page, "denial-decision");
        denial.Should().Contain("不予行政许可决定书").And.Contain("湘南卫许不准字〔2026〕第1号").And.Contain("北湖区康泰门诊部")
            .And.Contain("现场核查发现手术室面积不符合标准。").And.Contain("第三十八条第二款").And.Contain("向湘南市人民政府申请行政复议")
            .And.Contain("六十日内（即2026年5月6日前").And.Contain("六个月内（即2026年9月2日前").And.Contain("向湘南市北湖区人民法院提起行政诉讼");
        await page.LogoutAsync(Url);

        await page.LoginAsync(Url, "reviewer", "reviewer@2026");
        await page.GotoAsync($"{Url}/cases/{heard}");
        await ActAsync(page, "review", "hearing-right", "hearing-notice", ("pauseNotice", "已书面告知申请人听证所需时间不计入期限"), "涉及相邻单位重大利益");
        await page.GotoAsync($"{Url}/cases/{heard}");
        var hearing = await DownloadAsync(page, "hearing-notice");
        hearing.Should().Contain("听证权利告知书").And.Contain("湘南卫许听字〔2026〕第1号").And.Contain("苏仙区安宁医院")
            .And.Contain("第四十七条").And.Contain("二十日内组织听证").And.Contain("请于2026年3月9日前向本机关提出", "5 working days from 03-02 (行政许可法第四十七条)");
        await page.ShotAsync("22-hearing-notice-files", fullPage: true);
    }

    /// <summary>Takes an action that issues a notice in the case page's dialog and opens the print preview it offers.</summary>
    private static async Task ActAsync(IPage page, string step, string action, string kind, (string Field, string Text)? field, string opinion)
    {
        await page.Locator($"[data-task={step}] [data-action={action}]").ClickAsync(new() { Timeout = 30_000 });
        var dialog = page.OpenDialog();
        if (field is { } f) await dialog.Locator($"[data-form-item={f.Field}] input, [data-form-item={f.Field}] textarea").First.FillAsync(f.Text);
        await dialog.Locator("textarea").Last.FillAsync(opinion);
        var confirm = dialog.Locator("[data-test=risk-confirm]");
        if (await confirm.CountAsync() > 0) await confirm.ClickAsync();
        await dialog.Locator("[data-test=action-submit]").ClickAsync();
        await page.ConfirmMessageBoxAsync();
        await page.WaitForPrintPageAsync(kind);
    }

    private static async Task<string> AcceptedAsync(HttpClient clerk, string applicant)
    {
        var started = await (await clerk.PostAsJsonAsync("/api/cases", new
        {
            definitionId = "licensing-approval",
            data = new { applicant, contact = "0735-2222222", item = "母婴保健技术服务机构执业许可", kind = "承诺件" },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = started.GetProperty("id").GetString()!;
        await ApiActAsync(clerk, id, "intake", "accept", new { materials = new[] { "application", "identity", "qualification", "premises" } }, null);
        return id;
    }

    private static async Task<string> ReachDirectorAsync(HttpClient clerk, HttpClient reviewer, HttpClient deputy, string applicant)
    {
        var id = await AcceptedAsync(clerk, applicant);
        await ApiActAsync(reviewer, id, "review", "pass", new { }, "材料齐全，条件符合");
        await ApiActAsync(deputy, id, "approve-deputy", "agree", new { }, "同意");
        return id;
    }

    private static async Task ApiActAsync(HttpClient user, string caseId, string step, string action, object data, string? opinion)
    {
        var view = await user.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var task = view.GetProperty("outlook").GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("stepId").GetString() == step)
            .GetProperty("taskId").GetString();
        var reply = await user.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{task}/actions/{action}", new { data, opinion });
        reply.IsSuccessStatusCode.Should().BeTrue($"{step}/{action}: {await reply.Content.ReadAsStringAsync()}");
    }

    /// <summary>A case page loads several things; on a busy machine that takes longer than the default 5 s.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 30_000 };

    private static async Task Fill(IPage page, string test, string text)
    {
        var input = page.Locator($"input[data-test={test}], [data-test={test}] input").First;
        await input.FillAsync(text);
    }

    private static async Task<string> IntakeAsync(IPage page, string applicant)
    {
        await page.ClickAsync("[data-test=menu-intake]");
        await page.SelectOptionAsync(page.Locator("[data-test=intake-flow]"), "行政审批（行政许可受理与审批）", "行政许可受理");
        await page.FillAsync("[data-form-item=applicant] input", applicant);
        await page.FillAsync("[data-form-item=contact] input", "0735-66668888");
        await page.FillAsync("[data-form-item=item] input", "母婴保健技术服务机构执业许可");
        await page.SelectOptionAsync(page.Locator("[data-form-item=kind] .el-select"), "承诺件");
        await page.ClickAsync("[data-form-item=materials] label:has-text('许可申请书（申请表）')");
        await page.ClickAsync("[data-form-item=materials] label:has-text('申请人身份证明或主体资格证明')");
        await page.ClickAsync("[data-test=intake-submit]");
        await page.WaitForURLAsync("**/cases/*");
        await Expect(page.Locator("[data-task=intake]")).ToBeVisibleAsync(Slow);
        return page.Url;
    }

    /// <summary>Downloads the newest .docx of a kind from the case page and returns its text.</summary>
    private static async Task<string> DownloadAsync(IPage page, string kind)
    {
        var link = page.Locator($"[data-doc-kind={kind}] [data-test=doc-download]").Last;
        await Expect(link).ToBeVisibleAsync(Slow);
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        download.SuggestedFilename.Should().EndWith(".docx");
        return DocxTemplate.PlainText(await File.ReadAllBytesAsync(path!));
    }
}
