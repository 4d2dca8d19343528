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
}
