using System.Net;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>The simulated clock: advancing fires everything that fell due, in order, and supervisors see it live.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public class ClockTests(string provider)
{
    [Test]
    public async Task Advancing_across_the_national_day_week_raises_yellow_then_red_at_the_right_instants_live()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(provider), clockStart: "2026-09-28T09:00+08:00");
        var clerk = await host.LoginAsync("window");
        var supervisor = await host.LoginAsync("supervisor");
        var view = await clerk.StartLicensingCase();
        await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } });

        using var stream = await supervisor.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead);
        stream.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var events = new SseReader(await stream.Content.ReadAsStreamAsync());
        (await events.NextAsync()).Event.Should().Be("ready");

        var advance = await supervisor.Post("/api/clock/advance", new { duration = "P14D" });
        advance.Status.Should().Be(HttpStatusCode.OK);

        // The 审核 step (3 working days from Monday 09-28): 09-29, 09-30, then 国庆 10-01…10-07, then 10-08.
        var yellow = await events.NextAsync();
        var red = await events.NextAsync();
        yellow.Event.Should().Be("alert");
        Field(yellow, "level").Should().Be("yellow");
        Field(yellow, "stepName").Should().Be("审核");
        Field(yellow, "raisedAt").Should().Be("2026-10-01T00:00:00+08:00", "yellow when one working day is left: 24:00 of 09-30");
        Field(red, "level").Should().Be("red");
        Field(red, "raisedAt").Should().Be("2026-10-09T00:00:00+08:00", "red at 24:00 of 10-08, the third working day");
        Field(red, "dueAt").Should().Be("2026-10-09T00:00:00+08:00");

        var stored = (await supervisor.Get("/api/alerts?status=open")).Items.EnumerateArray().Select(a => a.GetProperty("raisedAt").GetString()).ToList();
        stored.Should().BeEquivalentTo(["2026-10-01T00:00:00+08:00", "2026-10-09T00:00:00+08:00"]);
        (await supervisor.Get("/api/clock")).Body.GetProperty("now").GetString().Should().Be("2026-10-12T09:00:00+08:00");
    }

    [Test]
    public async Task A_supervisor_acknowledges_an_alert()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(provider));
        var clerk = await host.LoginAsync("window");
        var supervisor = await host.LoginAsync("supervisor");
        var view = await clerk.StartLicensingCase();
        await supervisor.Post("/api/clock/advance", new { duration = "P3D" });
        var alert = (await supervisor.Get("/api/alerts?status=open")).Items[0];
        alert.GetProperty("caseNo").GetString().Should().Be(view.GetProperty("caseNo").GetString());

        var ack = await supervisor.Post($"/api/alerts/{alert.GetProperty("id").GetInt64()}/ack", null);
        ack.Body.GetProperty("status").GetString().Should().Be("acknowledged");
        ack.Body.GetProperty("acknowledgedBy").GetString().Should().Be("监察员 郑伟");
        (await supervisor.Get("/api/alerts?status=acknowledged")).Items.GetArrayLength().Should().Be(1);
        (await clerk.Get("/api/alerts")).Status.Should().Be(HttpStatusCode.Forbidden, "alerts are for supervisors");
    }

    [Test]
    public async Task Without_the_simulated_clock_there_is_no_advance_endpoint()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(provider), settings: new Dictionary<string, string> { ["Clock:Mode"] = "system" });
        var supervisor = await host.LoginAsync("supervisor");
        (await supervisor.Post("/api/clock/advance", new { duration = "P1D" })).Status.Should().Be(HttpStatusCode.NotFound);
        (await supervisor.Get("/api/clock")).Body.GetProperty("mode").GetString().Should().Be("system");
        (await supervisor.Post("/api/clock/advance", new { duration = "three days" })).Status.Should().Be(HttpStatusCode.NotFound);
    }

    private static string Field(SseReader.Item item, string name) => JsonDocument.Parse(item.Data).RootElement.GetProperty(name).GetString()!;
}
