using System.Net;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>Each handler's live stream (GET /api/me/stream): their own news only, on either store.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public class WorkStreamTests(string provider)
{
    [Test]
    public async Task A_handler_hears_of_a_task_for_their_post_and_the_holder_of_another_post_does_not()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(provider));
        var clerk = await host.LoginAsync("window");
        var reviewer = await host.LoginAsync("reviewer");
        var deputy = await host.LoginAsync("deputy");
        var reviewerEvents = await OpenAsync(reviewer);
        var deputyEvents = await OpenAsync(deputy);

        var view = await clerk.StartLicensingCase();
        var step = (await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } })).Body;

        var arrived = await NextWorkAsync(reviewerEvents);
        arrived.GetProperty("kind").GetString().Should().Be("task-arrived");
        arrived.GetProperty("caseId").GetString().Should().Be(view.Id());
        arrived.GetProperty("taskId").GetString().Should().Be(step.Task("review"));
        arrived.GetProperty("stepName").GetString().Should().Be("审核");
        arrived.GetProperty("postName").GetString().Should().Be("相关业务科室（承办科室）");
        arrived.GetProperty("message").GetString().Should().Contain(view.GetProperty("caseNo").GetString()).And.Contain("审核");

        // The deputy's stream stays silent about the review task: the first news on it is the task of their own post.
        step = (await reviewer.Post($"/api/cases/{view.Id()}/tasks/{step.Task("review")}/actions/pass", new { opinion = "符合条件" })).Body;
        var deputyNews = await NextWorkAsync(deputyEvents);
        deputyNews.GetProperty("taskId").GetString().Should().Be(step.Task("approve-deputy"), "the review task was not the deputy's");
        deputyNews.GetProperty("kind").GetString().Should().Be("task-arrived");
    }

    [Test]
    public async Task A_task_handed_to_one_person_and_an_urge_on_it_are_news_for_that_person()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(provider));
        var window = await host.LoginAsync("window");
        var window2 = await host.LoginAsync("window2");
        var supervisor = await host.LoginAsync("supervisor");
        var events = await OpenAsync(window2);

        var view = await window.StartLicensingCase();
        var intake = view.Task("intake");
        (await NextWorkAsync(events)).GetProperty("kind").GetString().Should().Be("task-arrived", "window2 holds the intake post");

        (await window.Post($"/api/cases/{view.Id()}/tasks/{intake}/transfer", new { toUserId = "window2", reason = "休假" })).Status.Should().Be(HttpStatusCode.OK);
        var handed = await NextWorkAsync(events);
        handed.GetProperty("kind").GetString().Should().Be("task-arrived");
        handed.GetProperty("taskId").GetString().Should().Be(intake);

        var replyBy = DateTimeOffset.Parse("2026-03-02T11:00+08:00");
        (await supervisor.Post($"/api/cases/{view.Id()}/urges", new { taskId = intake, message = "请尽快受理", replyBy })).Status.Should().Be(HttpStatusCode.OK);
        var urged = await NextWorkAsync(events);
        urged.GetProperty("kind").GetString().Should().Be("task-urged");
        urged.GetProperty("taskId").GetString().Should().Be(intake);
        urged.GetProperty("message").GetString().Should().Contain("请尽快受理");
    }

    [Test]
    public async Task The_stream_answers_401_to_an_outsider()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(provider));
        using var anonymous = host.CreateClient();
        using var reply = await anonymous.GetAsync("/api/me/stream", HttpCompletionOption.ResponseHeadersRead);
        reply.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static async Task<SseReader> OpenAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/me/stream", HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var events = new SseReader(await response.Content.ReadAsStreamAsync());
        (await events.NextAsync()).Event.Should().Be("ready");
        return events;
    }

    private static async Task<JsonElement> NextWorkAsync(SseReader events)
    {
        var item = await events.NextAsync();
        item.Event.Should().Be("work");
        return JsonDocument.Parse(item.Data).RootElement.Clone();
    }
}
