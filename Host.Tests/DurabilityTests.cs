using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>Cases, tasks and deadlines survive restarts; deadlines missed while stopped raise their alert once.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public class DurabilityTests(string provider)
{
    [Test]
    public async Task A_restart_keeps_everything_and_a_deadline_missed_while_stopped_raises_its_alert_once()
    {
        var db = WorkflowHost.NewDatabase(provider);
        string caseId;
        JsonElement before;
        await using (var first = new WorkflowHost(db))
        {
            var clerk = await first.LoginAsync("window");
            var view = await clerk.StartLicensingCase();
            caseId = view.Id();
            before = (await clerk.Post($"/api/cases/{caseId}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } })).Body;
        }

        // The service comes back 40 days later: the review step (due 03-06) and the statutory limit (due 03-31) ran out meanwhile.
        await using (var second = new WorkflowHost(db, clockStart: "2026-04-11T09:00+08:00"))
        {
            var clerk = await second.LoginAsync("window");
            var after = (await clerk.Get($"/api/cases/{caseId}")).Body;
            after.Tasks().First().GetProperty("stepId").GetString().Should().Be("review");
            DueInstants(after).Should().Equal(DueInstants(before), "the deadlines are the same; only how they stand has moved with the clock");
            var reviewer = await second.LoginAsync("reviewer");
            (await reviewer.Get("/api/tasks")).Items.EnumerateArray().Should().Contain(t => t.GetProperty("caseId").GetString() == caseId);

            var alerts = await Alerts(second);
            alerts.Should().BeEquivalentTo(["red/statutory", "yellow/statutory", "red/promised", "yellow/promised", "red/step", "yellow/step"]);
            second.Log.Entries.Should().Contain(e => e.Message.StartsWith("Caught up on 6 timers"));
            second.Log.Entries.Where(e => e.Exception is not null).Should().BeEmpty("catching up and scheduling the next wake-up fail nowhere");
        }

        await using (var third = new WorkflowHost(db, clockStart: "2026-04-12T09:00+08:00"))
        {
            (await Alerts(third)).Should().HaveCount(6, "a restart raises nothing twice");
        }
    }

    private static async Task<List<string>> Alerts(WorkflowHost host)
    {
        var supervisor = await host.LoginAsync("supervisor");
        var reply = await supervisor.Get("/api/alerts");
        return reply.Items.EnumerateArray().Select(a => $"{a.GetProperty("level").GetString()}/{a.GetProperty("limit").GetString()}").ToList();
    }

    [Test]
    public async Task Of_many_parallel_actions_on_one_case_version_exactly_one_applies_and_the_rest_are_409()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(provider));
        var clerks = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.LoginAsync("window")));
        var view = await clerks[0].StartLicensingCase();
        var url = $"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept";

        var replies = await Task.WhenAll(clerks.SelectMany(c => new[] { c, c }).Select(c =>
            c.Post(url, new { data = new { materials = Api.AllMaterials } }, ifMatch: $"\"{view.Version()}\"")));

        replies.Count(r => r.Status == HttpStatusCode.OK).Should().Be(1);
        replies.Where(r => r.Status != HttpStatusCode.OK).Should().OnlyContain(r => r.Status == HttpStatusCode.Conflict || r.Status == HttpStatusCode.NotFound,
            "the losers either see a newer version (409) or find the intake task already done (404)");
        replies.Count(r => r.Status == HttpStatusCode.Conflict).Should().BeGreaterThan(0);
        var final = (await clerks[0].Get($"/api/cases/{view.Id()}")).Body;
        final.Version().Should().Be(view.Version() + 1);
        var history = (await clerks[0].Get($"/api/cases/{view.Id()}/history")).Body;
        history.EnumerateArray().Count(h => h.GetProperty("type").GetString() == "action-taken").Should().Be(1);
    }

    [Test]
    public async Task History_verify_finds_a_row_edited_in_the_database()
    {
        var db = WorkflowHost.NewDatabase(provider);
        await using var host = new WorkflowHost(db);
        var clerk = await host.LoginAsync("window");
        var view = await clerk.StartLicensingCase();
        await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/refuse", new { data = new { refusalGround = "不属于本机关许可事项" }, opinion = "不属于本机关许可事项" });
        (await clerk.Get($"/api/cases/{view.Id()}/history/verify")).Body.GetProperty("valid").GetBoolean().Should().BeTrue();

        var edited = await TestDatabase.ScalarAsync(db,
            "UPDATE history SET opinion = '符合条件，予以受理' WHERE case_id = @id AND opinion IS NOT NULL RETURNING sequence", ("@id", view.Id()));

        var verify = (await clerk.Get($"/api/cases/{view.Id()}/history/verify")).Body;
        verify.GetProperty("valid").GetBoolean().Should().BeFalse();
        verify.GetProperty("brokenAtSequence").GetInt64().Should().Be(edited);
        verify.GetProperty("reason").GetString().Should().Contain("已被改动");
    }

    [Test]
    public async Task A_write_waits_for_the_transaction_in_progress_and_an_abandoned_transaction_frees_the_connection()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(provider));
        var clerk = await host.LoginAsync("window");
        var writes = host.Services.GetRequiredService<WriteConnection>();

        Task<JsonElement> start;
        await using (await writes.BeginAsync(CancellationToken.None))
        {
            start = clerk.StartLicensingCase();
            await Task.Delay(500);
            start.IsCompleted.Should().BeFalse("the case is written only after the transaction in progress ends");
        }

        (await start.WaitAsync(TimeSpan.FromSeconds(30))).GetProperty("caseNo").GetString().Should().Be("2026-000001", "the abandoned transaction stored nothing and freed the connection");
    }

    private static List<string> DueInstants(JsonElement view) =>
        view.GetProperty("outlook").GetProperty("deadlines").EnumerateArray()
            .Select(d => $"{d.GetProperty("kind").GetString()}/{d.GetProperty("taskId")}/{d.GetProperty("dueAt").GetString()}").ToList();
}
