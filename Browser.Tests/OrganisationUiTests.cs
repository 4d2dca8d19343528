using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkflowEngine.Browser.Tests;

/// <summary>Accounts and the organisation page in Chromium: the lockout message, the forced first change, the admin's 组织机构.</summary>
[TestFixture]
[NonParallelizable]
public sealed class OrganisationUiTests : BrowserFixture
{
    [Test]
    [CancelAfter(180_000)]
    public async Task Lockout_message_forced_password_change_and_the_organisation_page()
    {
        var admin = await ApiAsAsync("admin");
        (await admin.PostAsJsonAsync("/api/admin/users/staff1/reset-password", new { newPassword = "Temp#2026x" })).EnsureSuccessStatusCode();
        using (var anonymous = new HttpClient { BaseAddress = new Uri(Server.Url) })
            for (var i = 0; i < 5; i++)
                await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "party-member", password = "wrong" });

        await using var context = await Session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        try
        {
            // A locked account: the sign-in page says so, in Chinese.
            await page.GotoAsync(Server.Url + "/login");
            await page.FillAsync("input[name=username]", "party-member");
            await page.FillAsync("input[name=password]", "party-member@2026");
            await page.ClickAsync("[data-test=login-submit]");
            await Expect(page.Locator("[data-test=login-error]")).ToContainTextAsync("账号已锁定");

            // A reset password: the change is forced before anything else.
            await page.FillAsync("input[name=username]", "staff1");
            await page.FillAsync("input[name=password]", "Temp#2026x");
            await page.ClickAsync("[data-test=login-submit]");
            await Expect(page.GetByText("首次登录，请修改初始密码")).ToBeVisibleAsync();
            await page.FillAsync("input[name=current-password]", "Temp#2026x");
            await page.FillAsync("input[name=new-password]", "abcdefgh");
            await page.FillAsync("input[name=confirm-password]", "abcdefgh");
            await page.ClickAsync("[data-test=password-submit]");
            await Expect(page.Locator("[data-test=password-error]")).ToContainTextAsync("至少 3 类");
            await page.FillAsync("input[name=new-password]", "Staff#2026new");
            await page.FillAsync("input[name=confirm-password]", "Staff#2026new");
            await page.ClickAsync("[data-test=password-submit]");
            await page.WaitForURLAsync(u => !u.Contains("/login"));
            await Expect(page.Locator("[data-test=user]")).ToContainTextAsync("许可");
            await page.LogoutAsync(Server.Url);

            // The administrator's 组织机构 page.
            await page.LoginAsync(Server.Url, "admin", "admin@2026");
            await page.GetByText("组织机构").First.ClickAsync();
            await Expect(page.Locator("[data-test=departments]")).ToContainTextAsync("行政审批科");
            await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "人员" }).ClickAsync();
            await Expect(page.Locator("[data-test=users]")).ToContainTextAsync("窗口 王芳");
            await page.ClickAsync("[data-test=import-open]");
            await page.FillAsync(".el-dialog textarea", "username,name,department,posts\nclerk9,窗口 九,approval,approval-window\nwindow,重名,approval,staff\n");
            await page.ClickAsync("[data-test=import-run]");
            await Expect(page.Locator("[data-test=import-errors]")).ToContainTextAsync("已存在");
            await Expect(page.Locator("[data-test=import-errors]")).ToContainTextAsync("3");
            await page.ShotAsync("organisation-import-errors");
            await page.Keyboard.PressAsync("Escape");
            await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("空缺岗位") }).ClickAsync();
            await Expect(page.Locator("[data-test=vacant-posts]")).ToContainTextAsync("档案室档案管理员");
        }
        catch
        {
            await page.ShotAsync("failure-organisation", fullPage: true);
            throw;
        }
    }
}
