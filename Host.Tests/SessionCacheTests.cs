using System.Net;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>Validated sessions are remembered briefly in memory; logging out still ends a token at once.</summary>
public class SessionCacheTests
{
    [Test]
    public async Task A_token_stops_working_the_moment_its_session_is_logged_out()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var clerk = await host.LoginAsync("window");
        for (var i = 0; i < 3; i++) (await clerk.GetAsync("/api/tasks")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await clerk.PostAsync("/api/auth/logout", null)).IsSuccessStatusCode.Should().BeTrue();
        (await clerk.GetAsync("/api/tasks")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
