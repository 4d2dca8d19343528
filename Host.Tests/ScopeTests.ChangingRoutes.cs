using System.Net;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// Every route that changes something (POST, PUT, DELETE in the OpenAPI document) has an entry here saying how it is guarded:
/// an outsider gets 401, and a signed-in user without the route's role gets 403, or one outside the case's scope 404. A route
/// added without an entry, or an entry whose route is gone, fails the test.
/// </summary>
public partial class ScopeTests
{
    /// <summary>How one changing route is guarded: who is refused and with what; <c>Refused</c> null says why no one signed in is.</summary>
    private sealed record Guard(string Method, string Route, string Url, object? Body, string? Refused, HttpStatusCode Status, string? Open = null);

    private static readonly byte[] Pdf = "%PDF-1.4"u8.ToArray();

    private static Guard Role(string method, string route, string url, object? body = null, string refused = "window") =>
        new(method, route, url, body, refused, HttpStatusCode.Forbidden);

    private static Guard Scope(string method, string route, string url, object? body = null) =>
        new(method, route, url, body, "director", HttpStatusCode.NotFound);

    private static Guard Open(string method, string route, string url, object? body, string why) =>
        new(method, route, url, body, null, HttpStatusCode.OK, why);

    [Test]
    public async Task Every_changing_route_refuses_outsiders_and_signed_in_users_without_the_role_or_outside_the_case()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var window = await host.LoginAsync("window");
        var view = await window.StartLicensingCase();
        var (id, task) = (view.Id(), view.Task("intake"));
        var users = new Dictionary<string, HttpClient> { ["window"] = window, ["director"] = await host.LoginAsync("director") };
        var outsider = host.CreateClient();
        var replyBy = DateTimeOffset.Parse("2026-03-03T17:00+08:00");
        var cases = $"/api/cases/{id}";
        var historyBefore = (await window.Get($"{cases}/history")).Body.GetArrayLength();

        var guards = new List<Guard>
        {
            Open("POST", "/api/auth/login", "/api/auth/login", new { username = "window", password = "wrong" }, "signing in is for those not yet signed in"),
            Open("POST", "/api/auth/password", "/api/auth/password", new { currentPassword = "x", newPassword = "y" }, "changes only the caller's own password"),
            Open("POST", "/api/auth/logout", "/api/auth/logout", null, "ends only the caller's own session"),
            Open("POST", "/api/auth/logout-all", "/api/auth/logout-all", null, "ends only the caller's own sessions"),
            Open("POST", "/api/definitions/validate", "/api/definitions/validate", new { }, "reads a posted definition and stores nothing"),
            Role("POST", "/api/definitions", "/api/definitions", new { }),
            Role("POST", "/api/definitions/{id}/versions/{version}/publish", "/api/definitions/licensing-approval/versions/1/publish"),
            Role("POST", "/api/definitions/simulate", "/api/definitions/simulate", new { definitionId = "licensing-approval" }),
            Role("POST", "/api/flows/{flowId}/migrations/dry-run", "/api/flows/licensing-approval/migrations/dry-run", new { fromVersion = 1, toVersion = 2 }),
            Role("POST", "/api/flows/{flowId}/migrations", "/api/flows/licensing-approval/migrations", new { fromVersion = 1, toVersion = 2 }),
            Role("POST", "/api/expressions/builder", "/api/expressions/builder", new { text = "amount > 1" }),
            Role("POST", "/api/expressions/format", "/api/expressions/format", new { }),
            Role("POST", "/api/clock/advance", "/api/clock/advance", new { duration = "P1D" }),
            Role("PUT", "/api/calendar/{year}", "/api/calendar/2026", new { }),
            Role("POST", "/api/alerts/{id}/ack", "/api/alerts/1/ack"),
            // Starting a case is the post's that takes it in: the director does not hold the window's post.
            new("POST", "/api/cases", "/api/cases", new { definitionId = "licensing-approval", data = new { applicant = "某医院", contact = "0735-1", item = "许可", kind = "承诺件" } },
                "director", HttpStatusCode.Forbidden),
            Scope("POST", "/api/cases/{id}/tasks/{taskId}/actions/{actionId}", $"{cases}/tasks/{task}/actions/accept", new { data = new { materials = Api.AllMaterials } }),
            Scope("POST", "/api/cases/{id}/tasks/{taskId}/vote/attend", $"{cases}/tasks/{task}/vote/attend", new { }),
            Scope("POST", "/api/cases/{id}/tasks/{taskId}/vote/recuse", $"{cases}/tasks/{task}/vote/recuse", new { memberId = "director", reason = "回避" }),
            Scope("POST", "/api/cases/{id}/tasks/{taskId}/vote/opinion", $"{cases}/tasks/{task}/vote/opinion", new { opinion = "同意" }),
            Scope("POST", "/api/cases/{id}/tasks/{taskId}/vote/cast", $"{cases}/tasks/{task}/vote/cast", new { choice = "for" }),
            Scope("POST", "/api/cases/{id}/tasks/{taskId}/vote/close", $"{cases}/tasks/{task}/vote/close"),
            Scope("POST", "/api/cases/{id}/withdraw", $"{cases}/withdraw", new { reason = "撤回" }),
            Scope("POST", "/api/cases/{id}/tasks/{taskId}/transfer", $"{cases}/tasks/{task}/transfer", new { toUserId = "window2", reason = "休假" }),
            Scope("POST", "/api/cases/{id}/tasks/{taskId}/add-signer", $"{cases}/tasks/{task}/add-signer", new { userId = "approval-chief", position = "before", reason = "会签" }),
            Scope("POST", "/api/cases/{id}/tasks/{taskId}/sign", $"{cases}/tasks/{task}/sign", new { decision = "agree", opinion = "同意" }),
            Scope("POST", "/api/cases/{id}/urges", $"{cases}/urges", new { taskId = task, message = "请加快", replyBy }),
            Scope("POST", "/api/urges/{id}/answer", $"/api/urges/{id}-u1/answer", new { answer = "已办" }),
            Scope("POST", "/api/cases/{id}/materials/{materialId}/files", $"{cases}/materials/application/files", Pdf),
            Role("POST", "/api/cases/{id}/documents/{kind}/{sequence}/reissue", $"{cases}/documents/acceptance-notice/1/reissue"),
            // Delegations are one's own: setting one for someone else is the administrator's, and another's is not found.
            new("POST", "/api/delegations", "/api/delegations", new { principalId = "deputy", standInUserId = "window", from = replyBy, to = replyBy.AddDays(3), reason = "x" },
                "window", HttpStatusCode.Forbidden),
            Scope("DELETE", "/api/delegations/{id}", "/api/delegations/someone-elses"),
            Role("PUT", "/api/agency-settings", "/api/agency-settings", new { fullName = "x" }),
            Role("PUT", "/api/agency-settings/seal", "/api/agency-settings/seal", Pdf),
            Role("DELETE", "/api/agency-settings/seal", "/api/agency-settings/seal"),
            Role("PUT", "/api/document-templates/{kind}", "/api/document-templates/acceptance-notice", Pdf),
            Role("DELETE", "/api/document-templates/{kind}", "/api/document-templates/acceptance-notice"),
            Role("POST", "/api/admin/departments", "/api/admin/departments", new { id = "x", name = "某科" }),
            Role("PUT", "/api/admin/departments/{id}", "/api/admin/departments/approval", new { name = "某科" }),
            Role("POST", "/api/admin/departments/{id}/disable", "/api/admin/departments/approval/disable"),
            Role("POST", "/api/admin/posts", "/api/admin/posts", new { id = "x", name = "某岗" }),
            Role("PUT", "/api/admin/posts/{id}", "/api/admin/posts/approval-window", new { name = "某岗" }),
            Role("POST", "/api/admin/posts/{id}/disable", "/api/admin/posts/approval-window/disable"),
            Role("POST", "/api/admin/users", "/api/admin/users", new { username = "x", name = "某人" }),
            Role("PUT", "/api/admin/users/{id}", "/api/admin/users/window2", new { name = "某人" }),
            Role("DELETE", "/api/admin/users/{id}", "/api/admin/users/window2"),
            Role("POST", "/api/admin/users/{id}/disable", "/api/admin/users/window2/disable"),
            Role("POST", "/api/admin/users/{id}/reset-password", "/api/admin/users/window2/reset-password"),
            Role("POST", "/api/admin/users/{id}/unlock", "/api/admin/users/window2/unlock"),
            Role("POST", "/api/admin/users/import", "/api/admin/users/import", "[]"),
        };

        var document = (await window.Get("/openapi/v1.json")).Body.GetProperty("paths");
        var changing = document.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => m.Name.ToUpperInvariant()).Where(m => m is "POST" or "PUT" or "DELETE" or "PATCH")
                .Select(m => $"{m} {Normalise(p.Name)}"))
            .ToHashSet();
        var covered = guards.Select(g => $"{g.Method} {g.Route}").ToList();
        covered.Should().OnlyHaveUniqueItems();
        changing.Except(covered).Should().BeEmpty("every changing route needs an entry saying how it is guarded");
        covered.Except(changing).Should().BeEmpty("an entry names a route the service no longer has");

        foreach (var guard in guards)
        {
            var what = $"{guard.Method} {guard.Url}";
            var anonymous = await Call(outsider, guard);
            if (guard.Route == "/api/auth/login") anonymous.Should().NotBe(HttpStatusCode.InternalServerError, what);
            else anonymous.Should().Be(HttpStatusCode.Unauthorized, $"an outsider calling {what}");
            if (guard.Refused is { } name)
                (await Call(users[name], guard)).Should().Be(guard.Status, $"{name} calling {what}");
        }
        (await window.Get($"{cases}/history")).Body.GetArrayLength().Should().Be(historyBefore, "no refused call changed the case");
    }

    /// <summary>Route templates as the OpenAPI document spells them, without constraints (<c>{version:int}</c> is <c>{version}</c>).</summary>
    private static string Normalise(string route) => System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+):[^}]+\}", "{$1}");

    private static async Task<HttpStatusCode> Call(HttpClient client, Guard guard) => (guard.Method, guard.Body) switch
    {
        ("DELETE", _) => await client.SendDelete(guard.Url),
        ("PUT", byte[] file) => (await client.PutFile(guard.Url, file, "a.pdf")).Status,
        ("POST", byte[] file) => (await client.PostFile(guard.Url, file, "a.pdf")).Status,
        ("POST", string text) => (await client.PostText(guard.Url, text)).Status,
        ("PUT", var body) => (await client.Put(guard.Url, body)).Status,
        _ => (await client.Post(guard.Url, guard.Body)).Status,
    };
}
