using System.Net;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// Who sees what, route by route from the OpenAPI document: outsiders get 401; a case is 404 to a signed-in user outside its
/// scope and 200 to those who acted on it, hold a post that can act on it now, head or 分管 the department of one who acted,
/// or supervise; supervisors' lists are 403 to others.
/// </summary>
public class ScopeTests
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

        foreach (var path in paths.Where(p => p.StartsWith("/api/cases/{id}", StringComparison.Ordinal) && !p.Contains("{taskId}")))
        {
            var url = path.Replace("{id}", id);
            (await outsider.Get(url)).Status.Should().Be(HttpStatusCode.Unauthorized, url);
            foreach (var (name, client) in users)
                (await client.Get(url)).Status.Should().Be(inScope.Contains(name) ? HttpStatusCode.OK : HttpStatusCode.NotFound, $"{name} {url}");
        }

        foreach (var url in new[] { "/api/alerts", "/api/deadlines", "/api/risk-events", "/api/stats/on-time" })
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
}
