using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>The organisation administered in the product: departments, posts, users, import, vacant posts.</summary>
public class OrganisationTests
{
    private static async Task<Api.Reply> Put(HttpClient client, string url, object body) =>
        await Api.Read(await client.PutAsJsonAsync(url, body));

    private static async Task<Api.Reply> Delete(HttpClient client, string url) => await Api.Read(await client.DeleteAsync(url));

    private static async Task<Api.Reply> Import(HttpClient client, string text, string contentType) =>
        await Api.Read(await client.PostAsync("/api/admin/users/import", new StringContent(text, Encoding.UTF8, contentType)));

    [Test]
    public async Task Only_administrators_reach_the_organisation_and_bad_input_is_refused_in_chinese()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var outsider = host.CreateClient();
        var clerk = await host.LoginAsync("window");
        var admin = await host.LoginAsync("admin");
        foreach (var url in new[] { "/api/admin/departments", "/api/admin/posts", "/api/admin/users", "/api/admin/vacant-posts" })
        {
            (await outsider.Get(url)).Status.Should().Be(HttpStatusCode.Unauthorized, url);
            (await clerk.Get(url)).Status.Should().Be(HttpStatusCode.Forbidden, url);
            (await admin.Get(url)).Status.Should().Be(HttpStatusCode.OK, url);
        }
        (await clerk.Post("/api/admin/users", new { id = "x1", name = "某人", posts = new[] { "staff" } })).Status.Should().Be(HttpStatusCode.Forbidden);
        (await outsider.Post("/api/admin/posts", new { id = "x", name = "某岗" })).Status.Should().Be(HttpStatusCode.Unauthorized);

        var bad = await admin.Post("/api/admin/users", new { id = "新人", name = "某人", posts = new[] { "staff" } });
        bad.Status.Should().Be(HttpStatusCode.BadRequest);
        bad.Detail.Should().Contain("用户名");
        bad = await admin.Post("/api/admin/users", new { id = "newbie", name = "某人", posts = new[] { "no-such-post" } });
        bad.Status.Should().Be(HttpStatusCode.BadRequest);
        bad.Detail.Should().Contain("岗位“no-such-post”不存在");
        bad = await admin.Post("/api/admin/users", new { id = "newbie", name = "某人", posts = new[] { "staff" }, password = "short" });
        bad.Status.Should().Be(HttpStatusCode.BadRequest);
        bad.Detail.Should().Contain("密码");
        (await admin.Post("/api/admin/users", new { id = "window", name = "重名", posts = new[] { "staff" } })).Status.Should().Be(HttpStatusCode.Conflict);
        (await admin.Post("/api/admin/posts", new { id = "Bad Id", name = "某岗" })).Status.Should().Be(HttpStatusCode.BadRequest);
        (await admin.Post("/api/admin/departments", new { id = "x", name = "" })).Detail.Should().Contain("科室名称");
        (await admin.PostText("/api/admin/departments", "{not json")).Status.Should().Be(HttpStatusCode.BadRequest);
        (await Put(admin, "/api/admin/users/nobody", new { name = "某人" })).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_sample_organisation_is_seeded_and_an_admin_creates_edits_and_disables_departments_posts_and_users()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var admin = await host.LoginAsync("admin");

        var departments = (await admin.Get("/api/admin/departments")).Body.EnumerateArray().ToList();
        departments.Should().Contain(d => d.GetProperty("id").GetString() == "approval" && d.GetProperty("headUserId").GetString() == "approval-chief"
            && d.GetProperty("leaderUserId").GetString() == "deputy");
        var posts = (await admin.Get("/api/admin/posts")).Body.EnumerateArray().ToList();
        posts.Should().Contain(p => p.GetProperty("id").GetString() == "approval-window" && p.GetProperty("builtin").GetBoolean());
        (await admin.Get("/api/admin/users")).Body.EnumerateArray().Should().Contain(u => u.GetProperty("id").GetString() == "window"
            && u.GetProperty("departmentId").GetString() == "approval-window");

        (await admin.Post("/api/admin/departments", new { id = "audit", name = "审计科", headUserId = "staff1", leaderUserId = "deputy" }))
            .Status.Should().Be(HttpStatusCode.Created);
        (await admin.Post("/api/admin/posts", new { id = "audit-officer", name = "审计员" })).Status.Should().Be(HttpStatusCode.Created);
        var created = await admin.Post("/api/admin/users", new { id = "auditor", name = "审计员 钱多", departmentId = "audit", posts = new[] { "audit-officer", "staff" } });
        created.Status.Should().Be(HttpStatusCode.Created, created.Body.ToString());
        var temporary = created.Body.GetProperty("temporaryPassword").GetString()!;
        created.Body.GetProperty("user").GetProperty("mustChangePassword").GetBoolean().Should().BeTrue();

        // The roster is refreshed: the new post has a holder, and the new user signs in (to change the password first).
        var holders = (await admin.Get("/api/admin/posts")).Body.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "audit-officer");
        holders.GetProperty("holders").EnumerateArray().Select(h => h.GetString()).Should().Equal("auditor");
        var login = await host.CreateClient().Post("/api/auth/login", new { username = "auditor", password = temporary });
        login.Status.Should().Be(HttpStatusCode.OK);
        login.Body.GetProperty("mustChangePassword").GetBoolean().Should().BeTrue();

        var edited = await Put(admin, "/api/admin/departments/audit", new { name = "内部审计科", headUserId = "auditor", leaderUserId = "deputy2" });
        edited.Body.GetProperty("headName").GetString().Should().Be("审计员 钱多");
        (await admin.Get("/api/admin/users")).Body.EnumerateArray().Single(u => u.GetProperty("id").GetString() == "auditor")
            .GetProperty("department").GetString().Should().Be("内部审计科");
        (await Put(admin, "/api/admin/posts/audit-officer", new { name = "内部审计员" })).Body.GetProperty("name").GetString().Should().Be("内部审计员");
        (await admin.Get("/api/roles")).Body.EnumerateArray().Should().Contain(r => r.GetProperty("id").GetString() == "audit-officer");

        (await admin.Post("/api/admin/departments/audit/disable", null)).Status.Should().Be(HttpStatusCode.Conflict, "it still has an active member");
        var disabled = await admin.Post("/api/admin/users/auditor/disable", null);
        disabled.Body.GetProperty("active").GetBoolean().Should().BeFalse();
        (await host.CreateClient().Post("/api/auth/login", new { username = "auditor", password = temporary })).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await admin.Post("/api/admin/departments/audit/disable", null)).Body.GetProperty("active").GetBoolean().Should().BeFalse();
        (await admin.Post("/api/admin/posts/audit-officer/disable", null)).Body.GetProperty("active").GetBoolean().Should().BeFalse();
        (await admin.Post("/api/admin/users", new { id = "auditor2", name = "某人", posts = new[] { "audit-officer" } })).Detail.Should().Contain("已停用");

        // A user who never acted on a case may be deleted.
        (await Delete(admin, "/api/admin/users/auditor")).Status.Should().Be(HttpStatusCode.NoContent);

        var log = (await admin.Get("/api/security-log?limit=50")).Body.EnumerateArray().ToList();
        log.Should().Contain(e => e.GetProperty("kind").GetString() == "admin-change" && e.GetProperty("detail").GetString()!.Contains("新建用户 auditor"));
    }

    [Test]
    public async Task An_admin_gives_a_user_an_email_address_for_notifications_and_a_malformed_one_is_refused()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var admin = await host.LoginAsync("admin");
        var clerk = await host.LoginAsync("window");
        (await Put(clerk, "/api/admin/users/reviewer", new { email = "zhaoqiang@wsjkw.example.gov.cn" })).Status.Should().Be(HttpStatusCode.Forbidden);

        var saved = await Put(admin, "/api/admin/users/reviewer", new { email = " zhaoqiang@wsjkw.example.gov.cn " });
        saved.Status.Should().Be(HttpStatusCode.OK);
        saved.Body.GetProperty("email").GetString().Should().Be("zhaoqiang@wsjkw.example.gov.cn");
        saved.Body.GetProperty("posts").EnumerateArray().Select(p => p.GetString()).Should().Equal(["business-section"], "a request without posts keeps them");

        var bad = await Put(admin, "/api/admin/users/reviewer", new { email = "赵强 at wsjkw" });
        bad.Status.Should().Be(HttpStatusCode.BadRequest);
        bad.Detail.Should().Contain("电子邮箱");
        var created = await admin.Post("/api/admin/users", new { id = "clerk9", name = "窗口 周敏", posts = new[] { "approval-window" }, email = "no-at-sign" });
        created.Status.Should().Be(HttpStatusCode.BadRequest);
        created.Detail.Should().Contain("电子邮箱");
        created = await admin.Post("/api/admin/users", new { id = "clerk9", name = "窗口 周敏", posts = new[] { "approval-window" }, email = "zhoumin@wsjkw.example.gov.cn" });
        created.Status.Should().Be(HttpStatusCode.Created);

        var users = (await admin.Get("/api/admin/users")).Body.EnumerateArray().ToDictionary(u => u.GetProperty("id").GetString()!);
        users["reviewer"].GetProperty("email").GetString().Should().Be("zhaoqiang@wsjkw.example.gov.cn", "the malformed address changed nothing");
        users["clerk9"].GetProperty("email").GetString().Should().Be("zhoumin@wsjkw.example.gov.cn");
        (await Put(admin, "/api/admin/users/reviewer", new { email = "" })).Body.GetProperty("email").ValueKind.Should().Be(JsonValueKind.Null, "an empty address clears it");
    }

    [Test]
    public async Task A_user_in_a_case_history_is_disabled_not_deleted()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var admin = await host.LoginAsync("admin");
        await (await host.LoginAsync("window2")).StartLicensingCase();
        var refused = await Delete(admin, "/api/admin/users/window2");
        refused.Status.Should().Be(HttpStatusCode.Conflict);
        refused.Detail.Should().Contain("不能删除").And.Contain("停用");
        (await admin.Get("/api/admin/users")).Body.EnumerateArray().Should().Contain(u => u.GetProperty("id").GetString() == "window2");
    }

    [Test]
    public async Task An_import_with_a_bad_row_imports_nothing_and_names_each_bad_row_by_line()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var admin = await host.LoginAsync("admin");
        (await Import(await host.LoginAsync("window"), "[]", "application/json")).Status.Should().Be(HttpStatusCode.Forbidden);

        const string csv = "username,name,department,posts,password\n"
            + "clerk3,窗口 赵三,approval-window,approval-window,Clerk3#2026\n"
            + "window,重名,approval,staff,\n"
            + "clerk4,,approval,staff,\n"
            + "clerk5,科员 钱五,无此科室,staff;no-such-post,\n"
            + "clerk3,重复,approval,staff,\n";
        var bad = await Import(admin, csv, "text/csv");
        bad.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        var errors = bad.Body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("message").GetString()!)).ToList();
        errors.Select(e => e.Item1).Should().Equal(3, 4, 5, 6);
        errors[0].Item2.Should().Contain("已存在");
        errors[1].Item2.Should().Contain("姓名");
        errors[2].Item2.Should().Contain("科室");
        errors[3].Item2.Should().Contain("重复");
        (await admin.Get("/api/admin/users")).Body.EnumerateArray().Should().NotContain(u => u.GetProperty("id").GetString() == "clerk3");

        var json = """
            {"users": [
              {"username": "clerk6", "name": "窗口 孙六", "department": "行政审批科", "posts": ["approval-window"]},
              {"username": "clerk7", "name": "窗口 周七", "department": "approval", "posts": "staff;approval-window", "password": "Clerk7#2026"}
            ]}
            """;
        var good = await Import(admin, json, "application/json");
        good.Status.Should().Be(HttpStatusCode.OK, good.Body.ToString());
        good.Body.GetProperty("imported").GetInt32().Should().Be(2);
        good.Body.GetProperty("passwords").EnumerateArray().Select(p => p.GetProperty("username").GetString()).Should().Equal("clerk6");
        (await host.CreateClient().Post("/api/auth/login", new { username = "clerk7", password = "Clerk7#2026" })).Body
            .GetProperty("mustChangePassword").GetBoolean().Should().BeTrue();

        var badJson = await Import(admin, "{\"users\": [\n  {\"username\": \"clerk8\", \"name\": \"x\", \"posts\": []}\n]}", "application/json");
        badJson.Body.GetProperty("errors")[0].GetProperty("line").GetInt32().Should().Be(2);
        badJson.Body.GetProperty("errors")[0].GetProperty("message").GetString().Should().Contain("岗位");
        (await Import(admin, "{oops", "application/json")).Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Import(admin, "who,what\n", "text/csv")).Body.GetProperty("errors")[0].GetProperty("message").GetString().Should().Contain("表头");
    }

    /// <summary>A designer's flow that routes straight from its start to the archivist, a post no sample user holds.</summary>
    private const string VacantFlow = """
        {
          "id": "vacant-demo", "version": 1, "name": "归档演示", "category": "测试",
          "roles": [ { "id": "archivist", "name": "档案室档案管理员" } ],
          "fields": [],
          "start": "route",
          "steps": [
            { "id": "route", "kind": "decision", "name": "分流", "routes": [ { "when": "1 == 2", "to": "end" } ], "otherwise": "file" },
            { "id": "file", "kind": "task", "name": "归档", "role": "archivist", "actions": [ { "id": "done", "name": "归档完毕", "to": "end" } ] },
            { "id": "end", "kind": "end", "name": "办结", "outcome": "completed" }
          ]
        }
        """;

    [Test]
    public async Task A_post_nobody_holds_is_listed_warned_of_on_publishing_and_stops_a_case_that_would_wait_for_it()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var admin = await host.LoginAsync("admin");
        var owner = await host.LoginAsync("owner");
        var clerk = await host.LoginAsync("window");

        var vacant = (await admin.Get("/api/admin/vacant-posts")).Body.EnumerateArray().ToList();
        vacant.Should().NotContain(v => v.GetProperty("postId").GetString() == "approval-window");
        foreach (var user in new[] { "window", "window2" })
            (await Put(admin, $"/api/admin/users/{user}", new { posts = new[] { "staff" } })).Status.Should().Be(HttpStatusCode.OK);
        vacant = (await admin.Get("/api/admin/vacant-posts")).Body.EnumerateArray().ToList();
        vacant.Single(v => v.GetProperty("postId").GetString() == "approval-window").GetProperty("flows").EnumerateArray()
            .Should().Contain(f => f.GetProperty("id").GetString() == "licensing-approval");
        (await Put(admin, "/api/admin/users/window", new { posts = new[] { "approval-window" } })).Status.Should().Be(HttpStatusCode.OK);

        (await owner.PostText("/api/definitions", VacantFlow)).Status.Should().Be(HttpStatusCode.Created);
        var published = await owner.Post("/api/definitions/vacant-demo/versions/1/publish", null);
        published.Status.Should().Be(HttpStatusCode.OK, "publishing goes ahead");
        published.Body.GetProperty("warnings").EnumerateArray().Should().ContainSingle().Which.GetString().Should().Contain("archivist").And.Contain("暂无在岗人员");
        (await admin.Get("/api/admin/vacant-posts")).Body.EnumerateArray().Should().Contain(v => v.GetProperty("postId").GetString() == "archivist"
            && v.GetProperty("flows").EnumerateArray().Any(f => f.GetProperty("id").GetString() == "vacant-demo"));

        var refused = await clerk.Post("/api/cases", new { definitionId = "vacant-demo", data = new { } });
        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        refused.Body.GetProperty("code").GetString().Should().Be("post-vacant");
        refused.Detail.Should().Contain("“归档”").And.Contain("暂无在岗人员");

        (await Put(admin, "/api/admin/users/staff2", new { posts = new[] { "staff", "archivist" } })).Status.Should().Be(HttpStatusCode.OK);
        (await clerk.Post("/api/cases", new { definitionId = "vacant-demo", data = new { } })).Status.Should().Be(HttpStatusCode.Created,
            "the roster the runtime uses was refreshed");
        (await owner.Post("/api/definitions/vacant-demo/versions/1/publish", null)).Body.GetProperty("warnings").GetArrayLength().Should().Be(0);
    }
}
