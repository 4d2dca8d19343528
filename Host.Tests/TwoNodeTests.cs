using System.Net;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>Two nodes of the service on one PostgreSQL database: one case version wins, alerts reach every node, no node serves a stale case.</summary>
public class TwoNodeTests
{
    [Test]
    public async Task Conflicting_actions_through_both_nodes_apply_exactly_once_and_the_others_get_409()
    {
        var db = WorkflowHost.NewDatabase(TestDatabase.Postgres);
        await using var a = new WorkflowHost(db);
        await using var b = new WorkflowHost(db);
        var clerksA = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => a.LoginAsync("window")));
        var clerksB = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => b.LoginAsync("window")));

        for (var round = 0; round < 5; round++)
        {
            var view = await clerksA[0].StartLicensingCase();
            (await clerksB[0].Get($"/api/cases/{view.Id()}")).Status.Should().Be(HttpStatusCode.OK, "node B reads what node A stored");
            var url = $"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept";
            var replies = await Task.WhenAll(clerksA.Concat(clerksB).Select(c =>
                c.Post(url, new { data = new { materials = Api.AllMaterials } }, ifMatch: $"\"{view.Version()}\"")));

            replies.Count(r => r.Status == HttpStatusCode.OK).Should().Be(1, "one action on one case version is applied, whichever node took it");
            replies.Where(r => r.Status != HttpStatusCode.OK).Should().OnlyContain(r => r.Status == HttpStatusCode.Conflict || r.Status == HttpStatusCode.NotFound);
            var history = (await clerksB[1].Get($"/api/cases/{view.Id()}/history")).Body;
            history.EnumerateArray().Count(h => h.GetProperty("type").GetString() == "action-taken").Should().Be(1);
            (await clerksA[1].Get($"/api/cases/{view.Id()}")).Body.Version().Should().Be(view.Version() + 1);
        }
    }

    [Test]
    public async Task Cases_started_on_both_nodes_at_once_get_distinct_numbers()
    {
        var db = WorkflowHost.NewDatabase(TestDatabase.Postgres);
        await using var a = new WorkflowHost(db);
        await using var b = new WorkflowHost(db);
        var clerkA = await a.LoginAsync("window");
        var clerkB = await b.LoginAsync("window");
        var started = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? clerkA : clerkB).StartLicensingCase()));
        started.Select(v => v.GetProperty("caseNo").GetString()).Should().OnlyHaveUniqueItems().And.HaveCount(20);
    }

    [Test]
    public async Task A_node_never_acts_on_a_stale_copy_of_a_case_another_node_changed()
    {
        var db = WorkflowHost.NewDatabase(TestDatabase.Postgres);
        await using var a = new WorkflowHost(db);
        await using var b = new WorkflowHost(db);
        var clerkA = await a.LoginAsync("window");
        var reviewerB = await b.LoginAsync("reviewer");
        var deputyA = await a.LoginAsync("deputy");

        var view = await clerkA.StartLicensingCase();
        var accepted = (await clerkA.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } })).Body;
        // Node A now holds the case in review in memory; node B moves it on.
        var reviewed = await reviewerB.Post($"/api/cases/{view.Id()}/tasks/{accepted.Task("review")}/actions/pass", new { opinion = "符合条件" }, ifMatch: $"\"{accepted.Version()}\"");
        reviewed.Status.Should().Be(HttpStatusCode.OK);

        var onA = (await deputyA.Get($"/api/cases/{view.Id()}")).Body;
        onA.Version().Should().Be(reviewed.Body.Version());
        onA.OpenSteps().Should().Equal("approve-deputy");
        var agreed = await deputyA.Post($"/api/cases/{view.Id()}/tasks/{onA.Task("approve-deputy")}/actions/agree", new { opinion = "同意" }, ifMatch: $"\"{onA.Version()}\"");
        agreed.Status.Should().Be(HttpStatusCode.OK, agreed.Detail);
        (await deputyA.Get($"/api/cases/{view.Id()}/history/verify")).Body.GetProperty("valid").GetBoolean().Should().BeTrue();

        var stale = await reviewerB.Post($"/api/cases/{view.Id()}/tasks/{accepted.Task("review")}/actions/pass", new { opinion = "再次" }, ifMatch: $"\"{accepted.Version()}\"");
        stale.Status.Should().Be(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task A_supervisor_streaming_from_node_A_sees_the_alerts_node_B_raises()
    {
        var db = WorkflowHost.NewDatabase(TestDatabase.Postgres);
        await using var a = new WorkflowHost(db);
        await using var b = new WorkflowHost(db);
        var supervisorA = await a.LoginAsync("supervisor");
        var supervisorB = await b.LoginAsync("supervisor");
        var clerkB = await b.LoginAsync("window");
        var view = await clerkB.StartLicensingCase();
        await clerkB.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } });

        using var stream = await supervisorA.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead);
        var events = new SseReader(await stream.Content.ReadAsStreamAsync());
        (await events.NextAsync()).Event.Should().Be("ready");

        // Node B's clock moves five days on: the review step (3 working days) goes yellow, then red, on node B.
        (await supervisorB.Post("/api/clock/advance", new { duration = "P5D" })).Status.Should().Be(HttpStatusCode.OK);

        var first = await events.NextAsync();
        var second = await events.NextAsync();
        new[] { first, second }.Should().OnlyContain(e => e.Event == "alert");
        var levels = new[] { first, second }.Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("level").GetString()).ToList();
        levels.Should().Equal("yellow", "red");
        JsonDocument.Parse(first.Data).RootElement.GetProperty("caseId").GetString().Should().Be(view.Id());
    }
}
