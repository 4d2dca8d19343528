using System.Net;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>Every signed-in user's screens name the agency as its administrator set it; outsiders learn nothing.</summary>
public class AgencyNameTests
{
    [Test]
    public async Task Every_signed_in_user_reads_the_configured_names_and_nothing_else_while_an_outsider_is_refused()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var window = await host.LoginAsync("window");
        var before = await window.Get("/api/agency");
        before.Status.Should().Be(HttpStatusCode.OK);
        before.Body.GetProperty("fullName").GetString().Should().Be("某市卫生健康委员会", "the neutral default until the agency sets its own");

        var admin = await host.LoginAsync("admin");
        (await admin.Put("/api/agency-settings", new
        {
            fullName = "湘南市卫生健康委员会", shortName = "湘南市卫健委", address = "湘南市政务服务中心二楼", telephone = "0735-2888888",
            reconsiderationBody = "湘南市人民政府", court = "湘南市北湖区人民法院",
        })).Status.Should().Be(HttpStatusCode.OK);

        foreach (var user in new[] { "window", "supervisor", "director", "staff1" })
        {
            var reply = await (await host.LoginAsync(user)).Get("/api/agency");
            reply.Status.Should().Be(HttpStatusCode.OK, user);
            reply.Body.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["fullName", "shortName"], "only the names, none of the settings");
            reply.Body.GetProperty("fullName").GetString().Should().Be("湘南市卫生健康委员会");
            reply.Body.GetProperty("shortName").GetString().Should().Be("湘南市卫健委");
        }
        (await host.CreateClient().Get("/api/agency")).Status.Should().Be(HttpStatusCode.Unauthorized);
    }
}
