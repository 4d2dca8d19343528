using System.Net;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>What an operator watches: liveness and readiness without sign-in, and Prometheus metrics.</summary>
public class OperationsTests
{
    [Test]
    public async Task Live_and_ready_answer_without_sign_in_and_ready_names_the_database_and_the_scheduler()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var anonymous = host.CreateClient();

        var live = await anonymous.Get("/health/live");
        live.Status.Should().Be(HttpStatusCode.OK);
        live.Body.GetProperty("status").GetString().Should().Be("Healthy");

        var ready = await anonymous.Get("/health/ready");
        ready.Status.Should().Be(HttpStatusCode.OK, ready.Body.ToString());
        ready.Body.GetProperty("status").GetString().Should().Be("Healthy");
        var checks = ready.Body.GetProperty("checks");
        checks.GetProperty("database").GetProperty("status").GetString().Should().Be("Healthy");
        checks.GetProperty("database").GetProperty("description").GetString().Should().StartWith("数据库可用");
        checks.GetProperty("scheduler").GetProperty("status").GetString().Should().Be("Healthy");

        (await anonymous.Get("/health")).Body.GetProperty("status").GetString().Should().Be("ok");
        (await anonymous.Get("/health/nothing")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Ready_is_503_when_the_database_is_behind_the_newest_schema()
    {
        var db = WorkflowHost.NewDatabase();
        await using var host = new WorkflowHost(db);
        var anonymous = host.CreateClient();
        (await anonymous.Get("/health/ready")).Status.Should().Be(HttpStatusCode.OK);

        (await Sqlite.ScalarAsync(db, "DELETE FROM schema_version WHERE version = (SELECT MAX(version) FROM schema_version); SELECT changes()")).Should().Be(1);
        var ready = await anonymous.Get("/health/ready");
        ready.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.Body.GetProperty("checks").GetProperty("database").GetProperty("description").GetString().Should().Contain("迁移尚未完成");
        (await anonymous.Get("/health/live")).Status.Should().Be(HttpStatusCode.OK, "the process itself is still up");
    }

    [Test]
    public async Task The_alert_stream_tells_a_proxy_not_to_buffer_it()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var supervisor = await host.LoginAsync("supervisor");
        using var stream = await supervisor.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead);
        stream.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        stream.Headers.GetValues("X-Accel-Buffering").Should().Equal("no");
        (await supervisor.GetAsync("/api/clock")).Headers.Contains("X-Accel-Buffering").Should().BeFalse("only event streams carry it");
    }

    [Test]
    public async Task Metrics_are_served_in_Prometheus_text_with_request_latency_actions_open_deadlines_and_alert_lag()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var clerk = await host.LoginAsync("window");
        var supervisor = await host.LoginAsync("supervisor");
        var view = await clerk.StartLicensingCase();
        await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } });
        await supervisor.Post("/api/clock/advance", new { duration = "P14D" });

        var response = await host.CreateClient().GetAsync("/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK, "/metrics needs no sign-in");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var text = await response.Content.ReadAsStringAsync();

        text.Should().MatchRegex(@"(?m)^workflow_actions_applied_total(\{[^}]*\})? [1-9]");
        text.Should().MatchRegex(@"(?m)^workflow_deadlines_open\{[^}]*kind=""case""[^}]*\} \d+");
        text.Should().MatchRegex(@"(?m)^workflow_deadlines_open\{[^}]*kind=""step""[^}]*\} \d+");
        text.Should().MatchRegex(@"(?m)^workflow_alert_lag_seconds_count\{[^}]*level=""red""[^}]*\} [1-9]");
        text.Should().Contain("http_server_request_duration_seconds_bucket");
        text.Should().Contain("# TYPE workflow_actions_applied_total counter");
    }
}
