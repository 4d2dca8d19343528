using Microsoft.Playwright;
using WorkflowEngine.Testing;

namespace WorkflowEngine.Browser.Tests;

/// <summary>Debian's Chromium driven by Playwright (no browser download), with helpers for the UI's pages.</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly IPlaywright _playwright;
    public IBrowser Browser { get; }

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    /// <summary>Debian's Chromium (or CHROMIUM_PATH); skips the browser tests when it is not installed (fails them under WORKFLOW_REQUIRE_ALL_TESTS=1).</summary>
    public static string RequireChromium() => Prerequisite.Require(
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        "the browser tests drive Debian's Chromium through Playwright (Playwright's own browser download is not used).",
        "apt-get install -y chromium fonts-noto-cjk");

    public static async Task<BrowserSession> StartAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var executable = RequireChromium();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new BrowserSession(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}

internal static class PageExtensions
{
    public static string ScreenshotDir
    {
        get
        {
            var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>Saves a full-page screenshot and attaches it to the test result.</summary>
    public static async Task ShotAsync(this IPage page, string name, bool fullPage = false)
    {
        await page.WaitForTimeoutAsync(250);
        var path = Path.Combine(ScreenshotDir, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        TestContext.AddTestAttachment(path, name);
    }

    public static async Task LoginAsync(this IPage page, string baseUrl, string user, string password)
    {
        await page.GotoAsync(baseUrl + "/login");
        await page.FillAsync("input[name=username]", user);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("[data-test=login-submit]");
        await page.WaitForURLAsync(u => !u.Contains("/login"));
        await Assertions.Expect(page.Locator("[data-test=user]")).ToBeVisibleAsync();
    }

    public static async Task LogoutAsync(this IPage page, string baseUrl)
    {
        await page.EvaluateAsync("() => fetch('/api/auth/logout', { method: 'POST' })");
        await page.GotoAsync(baseUrl + "/login");
    }

    /// <summary>Opens an Element Plus select and picks the option with this text.</summary>
    public static async Task SelectOptionAsync(this IPage page, ILocator select, string option, string? type = null)
    {
        await select.ClickAsync();
        if (type is not null) await page.Keyboard.TypeAsync(type);
        var item = page.Locator(".el-select-dropdown__item:visible", new PageLocatorOptions { HasText = option }).First;
        await item.ClickAsync();
    }

    public static ILocator OpenDialog(this IPage page) => page.Locator(".el-dialog:visible");

    /// <summary>
    /// Waits until the app shows a document's print page. The app routes there in the page (history API), so the URL is
    /// watched rather than a load event awaited, which a route change made just before the wait could leave unseen.
    /// </summary>
    public static Task WaitForPrintPageAsync(this IPage page, string kind) =>
        Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/print/{kind}/"), new() { Timeout = 30_000 });

    public static async Task ConfirmMessageBoxAsync(this IPage page)
    {
        var box = page.Locator(".el-message-box:visible");
        // After an action the box waits for the command's reply, which on a busy 2-core machine can take longer than 5 s.
        await Assertions.Expect(box).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await box.Locator(".el-button--primary").ClickAsync();
    }
}
