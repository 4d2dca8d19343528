using System.Net;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>Two service processes on one PostgreSQL database behind a real nginx (round robin, no sticky sessions).</summary>
public class NginxTests
{
    [Test]
    public async Task Behind_nginx_requests_reach_both_nodes_one_action_wins_and_the_alert_stream_carries_the_other_nodes_alerts()
    {
        var db = WorkflowHost.NewDatabase(TestDatabase.Postgres);
        string[] settings = ["--clock", "simulated", "--clock-start", WorkflowHost.DefaultStart, "--Timers:SweepSeconds=3600"];
        await using var a = await NodeProcess.StartAsync(db, settings);
        await using var b = await NodeProcess.StartAsync(db, settings);
        using var nginx = await NginxProxy.StartAsync(a.BaseAddress, b.BaseAddress);

        using (var probe = new HttpClient { BaseAddress = nginx.BaseAddress })
        {
            var upstreams = new HashSet<string>();
            for (var i = 0; i < 6; i++)
            {
                using var health = await probe.GetAsync("/health");
                health.StatusCode.Should().Be(HttpStatusCode.OK);
                upstreams.Add(health.Headers.GetValues("X-Upstream").Single());
            }
            upstreams.Should().BeEquivalentTo([$"127.0.0.1:{a.Port}", $"127.0.0.1:{b.Port}"], "nginx spreads requests over both nodes");
        }

        // Signed in through one node, served by either: sessions are rows in the shared database.
        var clerks = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => NodeProcess.LoginAtAsync(nginx.BaseAddress, "window")));
        var view = await clerks[0].StartLicensingCase();
        var url = $"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept";
        var replies = await Task.WhenAll(clerks.Select(c => c.Post(url, new { data = new { materials = Api.AllMaterials } }, ifMatch: $"\"{view.Version()}\"")));
        replies.Count(r => r.Status == HttpStatusCode.OK).Should().Be(1);
        replies.Where(r => r.Status != HttpStatusCode.OK).Should().OnlyContain(r => r.Status == HttpStatusCode.Conflict || r.Status == HttpStatusCode.NotFound);

        var supervisor = await NodeProcess.LoginAtAsync(nginx.BaseAddress, "supervisor");
        using var stream = await supervisor.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead);
        var streamingNode = stream.Headers.GetValues("X-Upstream").Single();
        var events = new SseReader(await stream.Content.ReadAsStreamAsync());
        (await events.NextAsync()).Event.Should().Be("ready");

        // The clock of the other node moves on, and that node raises the review step's yellow and red cards.
        var other = streamingNode.EndsWith($":{a.Port}", StringComparison.Ordinal) ? b : a;
        var supervisorOnOther = await other.LoginAsync("supervisor");
        (await supervisorOnOther.Post("/api/clock/advance", new { duration = "P5D" })).Status.Should().Be(HttpStatusCode.OK);
        var levels = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var next = await events.NextAsync(timeoutSeconds: 30);
            next.Event.Should().Be("alert");
            var alert = JsonDocument.Parse(next.Data).RootElement;
            alert.GetProperty("caseId").GetString().Should().Be(view.Id());
            levels.Add(alert.GetProperty("level").GetString()!);
        }
        levels.Should().Equal("yellow", "red");
    }
}
