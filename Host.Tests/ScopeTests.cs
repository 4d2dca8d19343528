using System.Net;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// Who sees what, route by route from the OpenAPI document: outsiders get 401; a case is 404 to a signed-in user outside its
/// scope and 200 to those who acted on it, hold a post that can act on it now, head or 分管 the department of one who acted,
/// or supervise; supervisors' lists are 403 to others. Every changing route's guard is listed in ScopeTests.ChangingRoutes.cs.
/// </summary>
public partial class ScopeTests
{
    [Test]
    public async Task Every_route_answers_each_scope_as_the_security_model_says()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var window = await host.LoginAsync("window");
        var view = await window.StartLicensingCase();
        var id = view.Id();
        var users = new Dictionary<string, HttpClient>
        {
            ["window"] = window,                                   // started it
            ["window2"] = await host.LoginAsync("window2"),        // holds the post of its open task
            ["reviewer"] = await host.LoginAsync("reviewer"),      // will act later, not yet
            ["director"] = await host.LoginAsync("director"),
            ["approval-chief"] = await host.LoginAsync("approval-chief"),  // heads the window's department
            ["deputy"] = await host.LoginAsync("deputy"),                  // its 分管领导
            ["supervisor"] = await host.LoginAsync("supervisor"),
            ["admin"] = await host.LoginAsync("admin"),
        };
        var inScope = new HashSet<string> { "window", "window2", "approval-chief", "deputy", "supervisor", "admin" };
        var supervisors = new HashSet<string> { "supervisor", "admin" };
        var outsider = host.CreateClient();
        var paths = (await users["admin"].Get("/openapi/v1.json")).Body.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out _) && !p.Name.EndsWith("/stream", StringComparison.Ordinal)).Select(p => p.Name).ToList();

        // Routes under a case that name a further id (a task, a document, a file) are covered where such an id exists.
        foreach (var path in paths.Where(p => p.StartsWith("/api/cases/{id}", StringComparison.Ordinal) && !p.Replace("{id}", "").Contains('{')))
        {
            var url = path.Replace("{id}", id);
            (await outsider.Get(url)).Status.Should().Be(HttpStatusCode.Unauthorized, url);
            foreach (var (name, client) in users)
                (await client.Get(url)).Status.Should().Be(inScope.Contains(name) ? HttpStatusCode.OK : HttpStatusCode.NotFound, $"{name} {url}");
        }

        foreach (var url in new[] { "/api/alerts", "/api/deadlines", "/api/risk-events", "/api/stats/on-time", "/api/audit/verify" })
        {
            paths.Should().Contain(url);
            (await outsider.Get(url)).Status.Should().Be(HttpStatusCode.Unauthorized, url);
            foreach (var (name, client) in users)
                (await client.Get(url)).Status.Should().Be(supervisors.Contains(name) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, $"{name} {url}");
        }

        // Simulation and version migration are the process owners' (and administrators') tools; they touch no case of anyone's scope.
        var owner = await host.LoginAsync("owner");
        var ownerRoutes = new (string Method, string Url, object? Body)[]
        {
            ("GET", "/api/flows/licensing-approval/migrations/plan?fromVersion=1&toVersion=2", null),
            ("POST", "/api/flows/licensing-approval/migrations/dry-run", new { fromVersion = 1, toVersion = 2 }),
            ("POST", "/api/flows/licensing-approval/migrations", new { fromVersion = 1, toVersion = 2 }),
            ("POST", "/api/definitions/simulate", new { definitionId = "licensing-approval" }),
        };
        paths.Should().Contain("/api/flows/{flowId}/migrations/plan");
        foreach (var (method, url, body) in ownerRoutes)
        {
            Task<Api.Reply> Call(HttpClient c) => method == "GET" ? c.Get(url) : c.Post(url, body);
            (await Call(outsider)).Status.Should().Be(HttpStatusCode.Unauthorized, url);
            foreach (var (name, client) in users.Where(u => u.Key != "admin"))
                (await Call(client)).Status.Should().Be(HttpStatusCode.Forbidden, $"{name} {url}");
            (await Call(owner)).Status.Should().NotBe(HttpStatusCode.Forbidden).And.NotBe(HttpStatusCode.InternalServerError, url);
            (await Call(users["admin"])).Status.Should().NotBe(HttpStatusCode.Forbidden, url);
        }

        // The monthly report: supervisors and administrators for any department, the head and the 分管领导 of the window's
        // department for theirs; a department one does not head is 403 (it names no case).
        const string report = "/api/reports/monthly?month=2026-03&department=approval-window";
        paths.Should().Contain(["/api/reports/monthly", "/api/reports/departments"]);
        (await outsider.Get(report)).Status.Should().Be(HttpStatusCode.Unauthorized);
        var reportReaders = new HashSet<string> { "approval-chief", "deputy", "supervisor", "admin" };
        foreach (var (name, client) in users)
            (await client.Get(report)).Status.Should().Be(reportReaders.Contains(name) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, $"{name} {report}");
        foreach (var (name, client) in users)
            (await client.Get("/api/reports/departments")).Body.EnumerateArray().Any(d => d.GetProperty("id").GetString() == "approval-window")
                .Should().Be(reportReaders.Contains(name), $"{name} is offered only the reports they may read");
        (await outsider.Get("/api/me/stream")).Status.Should().Be(HttpStatusCode.Unauthorized);

        foreach (var (name, client) in users)
            (await client.Get("/api/cases")).Items.EnumerateArray().Any(c => c.GetProperty("id").GetString() == id)
                .Should().Be(inScope.Contains(name), $"{name} lists only the cases in scope");

        (await users["window"].Post("/api/clock/advance", new { duration = "P1D" })).Status.Should().Be(HttpStatusCode.Forbidden,
            "the simulated clock is a supervisor's and an administrator's tool");

        var refused = await users["director"].Post($"/api/cases/{id}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } });
        refused.Status.Should().Be(HttpStatusCode.NotFound, "acting on a case outside one's scope does not even confirm it exists");

        foreach (var path in paths.Where(p => !p.Contains('{') && p.StartsWith("/api/", StringComparison.Ordinal) && p != "/api/auth/me"))
            ((int)(await outsider.Get(path)).Status).Should().Be(401, path);
    }

    [Test]
    public async Task Hand_over_and_urge_routes_refuse_outsiders_and_hide_cases_outside_the_callers_scope()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var window = await host.LoginAsync("window");
        var view = await window.StartLicensingCase();
        var (id, intake) = (view.Id(), view.Task("intake"));
        var outsider = host.CreateClient();
        var director = await host.LoginAsync("director");   // outside this case's scope while it is at intake
        var window2 = await host.LoginAsync("window2");     // in scope: holds the intake's post, but no supervisor
        var supervisor = await host.LoginAsync("supervisor");
        var urgeUntil = DateTimeOffset.Parse("2026-03-03T17:00+08:00");
        var routes = new (string Url, object Body)[]
        {
            ($"/api/cases/{id}/tasks/{intake}/transfer", new { toUserId = "window2", reason = "休假" }),
            ($"/api/cases/{id}/tasks/{intake}/add-signer", new { userId = "approval-chief", position = "before", reason = "会签" }),
            ($"/api/cases/{id}/tasks/{intake}/sign", new { decision = "agree", opinion = "同意" }),
            ($"/api/cases/{id}/urges", new { taskId = intake, message = "请加快", replyBy = urgeUntil }),
            ($"/api/urges/{id}-u1/answer", new { answer = "已办" }),
        };
        var paths = (await supervisor.Get("/openapi/v1.json")).Body.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/cases/{id}/tasks/{taskId}/transfer", "/api/cases/{id}/tasks/{taskId}/add-signer",
            "/api/cases/{id}/tasks/{taskId}/sign", "/api/cases/{id}/urges", "/api/urges/{id}/answer", "/api/urges", "/api/delegations",
            "/api/delegations/{id}"]);
        foreach (var (url, body) in routes)
        {
            (await outsider.Post(url, body)).Status.Should().Be(HttpStatusCode.Unauthorized, url);
            (await director.Post(url, body)).Status.Should().Be(HttpStatusCode.NotFound, $"director {url}");
        }
        (await window2.Post(routes[3].Url, routes[3].Body)).Status.Should().Be(HttpStatusCode.Forbidden, "urging is a supervisor's or the department's leaders'");
        (await supervisor.Post(routes[3].Url, routes[3].Body)).Status.Should().Be(HttpStatusCode.OK);
        (await director.Get("/api/urges?status=all")).Items.EnumerateArray().Should().BeEmpty("the urge is on a case outside the director's scope");
        (await window2.Get("/api/urges")).Items.EnumerateArray().Should().ContainSingle("window2 holds the urged task's post");
        (await outsider.Get("/api/urges")).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await outsider.SendDelete("/api/delegations/x")).Should().Be(HttpStatusCode.Unauthorized);
        (await director.SendDelete("/api/delegations/x")).Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Documents_material_files_and_the_dossier_follow_the_case_scope_and_the_agency_s_settings_are_the_administrator_s()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var window = await host.LoginAsync("window");
        var view = await window.StartLicensingCase();
        var id = view.Id();
        var uploaded = await window.PostFile($"/api/cases/{id}/materials/application/files", "%PDF-1.4"u8.ToArray(), "申请书.pdf");
        uploaded.Status.Should().Be(HttpStatusCode.Created);
        (await window.Post($"/api/cases/{id}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } }))
            .Status.Should().Be(HttpStatusCode.OK);
        var files = (await window.Get($"/api/cases/{id}/files")).Body;
        var documentId = files.GetProperty("documents")[0].GetProperty("id").GetString();
        var fileId = uploaded.Body.GetProperty("id").GetString();
        var users = new Dictionary<string, HttpClient>
        {
            ["window"] = window, ["supervisor"] = await host.LoginAsync("supervisor"), ["admin"] = await host.LoginAsync("admin"),
            ["finance"] = await host.LoginAsync("finance"),
        };
        var inScope = new HashSet<string> { "window", "supervisor", "admin" };
        var outsider = host.CreateClient();
        var paths = (await users["admin"].Get("/openapi/v1.json")).Body.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        var urls = new[]
        {
            $"/api/cases/{id}/files", $"/api/cases/{id}/documents/{documentId}", $"/api/cases/{id}/materials/files/{fileId}", $"/api/cases/{id}/dossier",
        };
        paths.Should().Contain(["/api/cases/{id}/files", "/api/cases/{id}/documents/{documentId}", "/api/cases/{id}/materials/files/{fileId}", "/api/cases/{id}/dossier"]);
        foreach (var url in urls)
        {
            (await outsider.Get(url)).Status.Should().Be(HttpStatusCode.Unauthorized, url);
            foreach (var (name, client) in users)
                (await client.Get(url)).Status.Should().Be(inScope.Contains(name) ? HttpStatusCode.OK : HttpStatusCode.NotFound, $"{name} {url}");
        }
        var upload = $"/api/cases/{id}/materials/premises/files";
        (await outsider.PostFile(upload, "%PDF"u8.ToArray(), "a.pdf")).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await users["finance"].PostFile(upload, "%PDF"u8.ToArray(), "a.pdf")).Status.Should().Be(HttpStatusCode.NotFound);
        (await users["supervisor"].PostFile(upload, "%PDF"u8.ToArray(), "a.pdf")).Status.Should().Be(HttpStatusCode.Forbidden);
        var reissue = $"/api/cases/{id}/documents/acceptance-notice/1/reissue";
        (await outsider.Post(reissue, null)).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await window.Post(reissue, null)).Status.Should().Be(HttpStatusCode.Forbidden, "reissuing is the administrator's");
        (await users["finance"].Post(reissue, null)).Status.Should().Be(HttpStatusCode.Forbidden);

        foreach (var url in new[] { "/api/agency-settings", "/api/document-templates", "/api/document-templates/acceptance-notice", "/api/agency-settings/seal" })
        {
            (await outsider.Get(url)).Status.Should().Be(HttpStatusCode.Unauthorized, url);
            foreach (var (name, client) in users.Where(u => u.Key != "admin"))
                (await client.Get(url)).Status.Should().Be(HttpStatusCode.Forbidden, $"{name} {url}");
        }
        (await window.Put("/api/agency-settings", new { fullName = "x" })).Status.Should().Be(HttpStatusCode.Forbidden);
        (await window.PutFile("/api/document-templates/acceptance-notice", [1, 2, 3], "t.docx")).Status.Should().Be(HttpStatusCode.Forbidden);
        (await window.PutFile("/api/agency-settings/seal", [1, 2, 3], "seal.png")).Status.Should().Be(HttpStatusCode.Forbidden);
        (await outsider.PutFile("/api/agency-settings/seal", [1, 2, 3], "seal.png")).Status.Should().Be(HttpStatusCode.Unauthorized);
    }
}
