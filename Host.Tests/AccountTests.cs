using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Server.Cli;

namespace WorkflowEngine.Host.Tests;

/// <summary>Accounts: first sign-in, password policy, lockout, idle sessions, sign out everywhere, the security log.</summary>
public class AccountTests
{
    private static readonly Dictionary<string, string> Fresh = new() { ["Auth:SeedMustChangePassword"] = "true" };

    private static HttpClient WithToken(WorkflowHost host, string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Test]
    public async Task A_seeded_password_must_be_changed_first_and_its_token_is_good_for_nothing_else()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(), settings: Fresh);
        var login = await host.CreateClient().Post("/api/auth/login", new { username = "window", password = "window@2026" });
        login.Status.Should().Be(HttpStatusCode.OK);
        login.Body.GetProperty("mustChangePassword").GetBoolean().Should().BeTrue();
        var limited = WithToken(host, login.Body.GetProperty("token").GetString()!);

        foreach (var url in new[] { "/api/auth/me", "/api/tasks", "/api/definitions" })
        {
            var refused = await limited.Get(url);
            refused.Status.Should().Be(HttpStatusCode.Forbidden, url);
            refused.Detail.Should().Contain("修改密码");
        }
        (await limited.Post("/api/auth/logout-all", null)).Status.Should().Be(HttpStatusCode.Forbidden);

        var weak = await limited.Post("/api/auth/password", new { currentPassword = "window@2026", newPassword = "abcdefgh" });
        weak.Status.Should().Be(HttpStatusCode.BadRequest);
        weak.Detail.Should().Contain("至少 3 类");
        (await limited.Post("/api/auth/password", new { currentPassword = "wrong", newPassword = "Window#2026a" })).Detail.Should().Contain("当前密码不正确");
        (await limited.PostText("/api/auth/password", "{oops")).Status.Should().Be(HttpStatusCode.BadRequest);

        var changed = await limited.Post("/api/auth/password", new { currentPassword = "window@2026", newPassword = "Window#2026a" });
        changed.Status.Should().Be(HttpStatusCode.OK, changed.Body.ToString());
        changed.Body.GetProperty("mustChangePassword").GetBoolean().Should().BeFalse();
        (await limited.Get("/api/auth/me")).Status.Should().Be(HttpStatusCode.Unauthorized, "the limited session ended with the change");
        var full = WithToken(host, changed.Body.GetProperty("token").GetString()!);
        (await full.Get("/api/tasks")).Status.Should().Be(HttpStatusCode.OK);

        var again = await host.CreateClient().Post("/api/auth/login", new { username = "window", password = "Window#2026a" });
        again.Body.GetProperty("mustChangePassword").GetBoolean().Should().BeFalse();
        (await host.CreateClient().Post("/api/auth/password", new { currentPassword = "x", newPassword = "y" })).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_password_policy_refuses_short_simple_name_like_and_recently_used_passwords()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var user = await host.LoginAsync("reviewer");
        async Task<Api.Reply> Change(string current, string next) =>
            await user.Post("/api/auth/password", new { currentPassword = current, newPassword = next });

        (await Change("reviewer@2026", "Ab1!")).Detail.Should().Contain("8 位");
        (await Change("reviewer@2026", "abcdefgh1")).Detail.Should().Contain("至少 3 类");
        (await Change("reviewer@2026", "Reviewer")).Status.Should().Be(HttpStatusCode.BadRequest);
        (await Change("reviewer@2026", "REVIEWER@2")).Detail.Should().Contain("用户名");

        var current = "reviewer@2026";
        var used = new List<string> { current };
        for (var i = 1; i <= 5; i++)
        {
            var next = $"Review#{i}x2026";
            var reply = await Change(current, next);
            reply.Status.Should().Be(HttpStatusCode.OK, reply.Body.ToString());
            user = WithToken(host, reply.Body.GetProperty("token").GetString()!);
            used.Add(next);
            current = next;
        }
        // The last five (Review#1…#5, the current one included) may not come back; the sixth back (the sample one) may.
        (await Change(current, "Review#2x2026")).Detail.Should().Contain("最近 5 次");
        (await Change(current, "Review#1x2026")).Detail.Should().Contain("最近 5 次");
        (await Change(current, "reviewer@2026")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Five_failures_lock_the_account_with_a_chinese_message_until_an_admin_unlocks_it()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var anonymous = host.CreateClient();
        for (var i = 0; i < 4; i++)
            (await anonymous.Post("/api/auth/login", new { username = "deputy", password = "wrong" })).Detail.Should().Be("用户名或密码错误。");
        var locked = await anonymous.Post("/api/auth/login", new { username = "deputy", password = "wrong" });
        locked.Status.Should().Be(HttpStatusCode.Unauthorized);
        locked.Body.GetProperty("code").GetString().Should().Be("account-locked");
        locked.Detail.Should().Contain("账号已锁定").And.Contain("联系系统管理员解锁");
        (await anonymous.Post("/api/auth/login", new { username = "deputy", password = "deputy@2026" })).Body.GetProperty("code").GetString()
            .Should().Be("account-locked", "the right password does not open a locked account");

        var admin = await host.LoginAsync("admin");
        (await (await host.LoginAsync("window")).Post("/api/admin/users/deputy/unlock", null)).Status.Should().Be(HttpStatusCode.Forbidden);
        (await anonymous.Post("/api/admin/users/deputy/unlock", null)).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await admin.Post("/api/admin/users/nobody/unlock", null)).Status.Should().Be(HttpStatusCode.NotFound);
        (await admin.Get("/api/admin/users")).Body.EnumerateArray().Single(u => u.GetProperty("id").GetString() == "deputy")
            .GetProperty("lockedUntil").ValueKind.Should().Be(System.Text.Json.JsonValueKind.String);
        (await admin.Post("/api/admin/users/deputy/unlock", null)).Status.Should().Be(HttpStatusCode.OK);
        (await anonymous.Post("/api/auth/login", new { username = "deputy", password = "deputy@2026" })).Status.Should().Be(HttpStatusCode.OK);

        var supervisor = await host.LoginAsync("supervisor");
        var log = (await supervisor.Get("/api/security-log?limit=100")).Body.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        log.Should().Contain(["sign-in-failed", "lockout", "unlock", "sign-in"]);
    }

    [Test]
    public async Task Refusing_an_unknown_user_takes_about_as_long_as_refusing_a_wrong_password()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var client = host.CreateClient();
        await client.Post("/api/auth/login", new { username = "nobody-warm", password = "x" });
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            // A different known user each time stays below the lockout.
            var user = new[] { "staff1", "staff2", "finance", "personnel" }[i % 4];
            var watch = Stopwatch.StartNew();
            (await client.Post("/api/auth/login", new { username = user, password = "wrong-password" })).Status.Should().Be(HttpStatusCode.Unauthorized);
            known.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            (await client.Post("/api/auth/login", new { username = $"nobody{i}", password = "wrong-password" })).Status.Should().Be(HttpStatusCode.Unauthorized);
            unknown.Add(watch.Elapsed.TotalMilliseconds);
        }
        static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        Median(unknown).Should().BeGreaterThanOrEqualTo(0.3 * Median(known),
            $"an unknown user is refused after hashing a dummy password (known {Median(known):0.0} ms, unknown {Median(unknown):0.0} ms)");
    }

    [Test]
    public async Task An_idle_session_ends_and_sign_out_everywhere_ends_every_session()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(), settings: new Dictionary<string, string> { ["Auth:IdleMinutes"] = "0.05" });
        var idle = await host.LoginAsync("legal");
        (await idle.Get("/api/auth/me")).Status.Should().Be(HttpStatusCode.OK);
        await Task.Delay(TimeSpan.FromSeconds(4));
        (await idle.Get("/api/auth/me")).Status.Should().Be(HttpStatusCode.Unauthorized, "three idle seconds ended it");

        var first = await host.LoginAsync("finance");
        var second = await host.LoginAsync("finance");
        var other = await host.LoginAsync("staff1");
        (await host.CreateClient().Post("/api/auth/logout-all", null)).Status.Should().Be(HttpStatusCode.Unauthorized);
        var ended = await first.Post("/api/auth/logout-all", null);
        ended.Status.Should().Be(HttpStatusCode.OK);
        ended.Body.GetProperty("ended").GetInt32().Should().Be(2);
        (await second.Get("/api/auth/me")).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await other.Get("/api/auth/me")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_admin_reset_ends_the_sessions_and_the_new_password_must_be_changed()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var admin = await host.LoginAsync("admin");
        var user = await host.LoginAsync("staff2");
        (await (await host.LoginAsync("staff1")).Post("/api/admin/users/staff2/reset-password", new { })).Status.Should().Be(HttpStatusCode.Forbidden);
        (await admin.Post("/api/admin/users/staff2/reset-password", new { newPassword = "weak" })).Status.Should().Be(HttpStatusCode.BadRequest);
        var reset = await admin.Post("/api/admin/users/staff2/reset-password", new { });
        reset.Status.Should().Be(HttpStatusCode.OK);
        var temporary = reset.Body.GetProperty("temporaryPassword").GetString()!;
        (await user.Get("/api/auth/me")).Status.Should().Be(HttpStatusCode.Unauthorized);
        var login = await host.CreateClient().Post("/api/auth/login", new { username = "staff2", password = temporary });
        login.Body.GetProperty("mustChangePassword").GetBoolean().Should().BeTrue();
    }

    [Test]
    public async Task The_security_log_is_for_admins_and_supervisors_and_pages_backwards()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var supervisor = await host.LoginAsync("supervisor");
        await host.LoginAsync("admin");
        await host.LoginAsync("window");
        (await host.CreateClient().Get("/api/security-log")).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await (await host.LoginAsync("owner")).Get("/api/security-log")).Status.Should().Be(HttpStatusCode.Forbidden);
        (await supervisor.Get("/api/security-log?limit=0")).Detail.Should().Contain("limit");
        (await supervisor.Get("/api/security-log?limit=abc")).Status.Should().Be(HttpStatusCode.BadRequest);

        var page = (await supervisor.Get("/api/security-log?limit=2")).Body.EnumerateArray().ToList();
        page.Should().HaveCount(2);
        var ids = page.Select(e => e.GetProperty("id").GetInt64()).ToList();
        ids.Should().BeInDescendingOrder();
        var last = ids[^1];
        var next = (await supervisor.Get($"/api/security-log?limit=2&before={last}")).Body.EnumerateArray().ToList();
        next.Should().NotBeEmpty();
        next.Should().OnlyContain(e => e.GetProperty("id").GetInt64() < last);
        page[0].GetProperty("kind").GetString().Should().Be("sign-in");
        page[0].GetProperty("userId").GetString().Should().Be("owner");
    }

    [Test]
    public async Task The_command_line_sets_a_password_without_a_forced_change_and_the_policy_applies()
    {
        var db = WorkflowHost.NewDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        var output = new StringWriter();
        var error = new StringWriter();
        (await UsersVerb.RunAsync(["set-password", "admin", "short", "--db", db], output, error)).Should().Be(1);
        error.ToString().Should().Contain("8 位");
        (await UsersVerb.RunAsync(["set-password", "nobody", "Admin#2026x", "--db", db], output, error)).Should().Be(1);
        (await UsersVerb.RunAsync(["set-password", "admin"], output, error)).Should().Be(2);
        (await UsersVerb.RunAsync(["set-password", "admin", "Admin#2026x", "--db", db], output, error)).Should().Be(0, error.ToString());
        output.ToString().Should().Contain("已为用户“admin”设置新密码");

        await using var host = new WorkflowHost(db, settings: Fresh);
        var login = await host.CreateClient().Post("/api/auth/login", new { username = "admin", password = "Admin#2026x" });
        login.Status.Should().Be(HttpStatusCode.OK);
        login.Body.GetProperty("mustChangePassword").GetBoolean().Should().BeFalse();
        (await host.CreateClient().Post("/api/auth/login", new { username = "window", password = "window@2026" })).Body
            .GetProperty("mustChangePassword").GetBoolean().Should().BeTrue("the seed on a fresh database keeps the forced change");
    }
}
