using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>Security headers, cross-site protection for cookie sessions, size limits, and a Chinese 4xx for every bad input.</summary>
public class RequestHardeningTests
{
    private WorkflowHost _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = new WorkflowHost(WorkflowHost.NewDatabase());

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task Every_response_carries_the_security_headers()
    {
        var client = _host.CreateClient();
        foreach (var url in new[] { "/", "/api/auth/me", "/health" })
        {
            var response = await client.GetAsync(url);
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
            response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
            response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'").And.Contain("script-src 'self'");
        }
    }

    [Test]
    public async Task A_state_change_carried_by_the_session_cookie_alone_must_come_from_this_site()
    {
        var browser = _host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        (await browser.PostAsJsonAsync("/api/auth/login", new { username = "window", password = "window@2026" })).EnsureSuccessStatusCode();
        var start = new { definitionId = "licensing-approval", data = new { applicant = "某医院", contact = "1", item = "执业许可", kind = "承诺件" } };

        var forged = await Send(browser, "/api/cases", start, origin: "https://evil.example");
        forged.Status.Should().Be(HttpStatusCode.Forbidden);
        forged.Detail.Should().Contain("不是从本系统页面发出的");
        (await Send(browser, "/api/cases", start, origin: null)).Status.Should().Be(HttpStatusCode.Forbidden, "no Origin and no Referer");
        (await Send(browser, "/api/cases", start, origin: browser.BaseAddress!.GetLeftPart(UriPartial.Authority))).Status.Should().Be(HttpStatusCode.Created);

        var script = await _host.LoginAsync("window");
        (await Send(script, "/api/cases", start, origin: "https://evil.example")).Status.Should().Be(HttpStatusCode.Created,
            "a bearer token is never sent by a browser on its own");
    }

    [Test]
    public async Task Bad_input_is_a_Chinese_4xx_problem_never_a_500()
    {
        var clerk = await _host.LoginAsync("window");
        var view = await clerk.StartLicensingCase();
        var action = $"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/refuse";

        var malformed = await clerk.PostText("/api/cases", "{\"definitionId\": \"licensing-approval\", \"data\": {");
        malformed.Status.Should().Be(HttpStatusCode.BadRequest);
        malformed.Detail.Should().Contain("不是有效的 JSON");

        var wrongType = await Api.Read(await clerk.PostAsync("/api/cases", new StringContent("definitionId=x", Encoding.UTF8, "application/x-www-form-urlencoded")));
        wrongType.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        wrongType.Detail.Should().Contain("JSON");

        var surrogate = await clerk.PostText("/api/cases", "{\"definitionId\":\"licensing-approval\",\"data\":{\"applicant\":\"\\udfff\"}}");
        surrogate.Status.Should().Be(HttpStatusCode.BadRequest);
        surrogate.Detail.Should().Contain("Unicode");

        var huge = await clerk.Post(action, new { opinion = new string('长', 3 * 1024 * 1024) });
        huge.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var long_ = await clerk.Post(action, new { opinion = new string('长', 2001) });
        long_.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        long_.Detail.Should().Contain("不能超过 2000 字");

        ((int)(await clerk.Get("/api/calendar/deadline?from=1900-01-01&add=5wd")).Status).Should().BeInRange(400, 499);
        var supervisor = await _host.LoginAsync("supervisor");
        ((int)(await supervisor.Get("/api/risk-events?to=9999-12-31")).Status).Should().BeInRange(200, 499);
        (await clerk.Get($"/api/cases/{view.Id()}")).Body.Version().Should().Be(view.Version(), "nothing refused changed the case");
    }

    private static async Task<Api.Reply> Send(HttpClient client, string url, object body, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (origin is not null) request.Headers.TryAddWithoutValidation("Origin", origin);
        return await Api.Read(await client.SendAsync(request));
    }
}
