using System.Net;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>The simulated clock keeps its position across restarts and never leaves the working-day calendar's range.</summary>
public class ClockPositionTests
{
    private static async Task<string> NowAsync(HttpClient client) => (await client.Get("/api/clock")).Body.GetProperty("now").GetString()!;

    [Test]
    public async Task After_a_restart_the_clock_resumes_where_it_was_not_at_the_configured_start()
    {
        var db = WorkflowHost.NewDatabase();
        await using (var first = new WorkflowHost(db))
        {
            var supervisor = await first.LoginAsync("supervisor");
            (await supervisor.Post("/api/clock/advance", new { duration = "P5DT3H" })).Status.Should().Be(HttpStatusCode.OK);
            (await NowAsync(supervisor)).Should().Be("2026-03-07T12:00:00+08:00");
        }

        await using (var second = new WorkflowHost(db))
        {
            var supervisor = await second.LoginAsync("supervisor");
            (await NowAsync(supervisor)).Should().Be("2026-03-07T12:00:00+08:00", "the restart does not put the clock back to --clock-start");
            await supervisor.Post("/api/clock/advance", new { duration = "P1D" });
        }

        await using var third = new WorkflowHost(db);
        (await NowAsync(await third.LoginAsync("supervisor"))).Should().Be("2026-03-08T12:00:00+08:00");
    }

    [Test]
    public async Task A_configured_start_later_than_the_stored_position_wins()
    {
        var db = WorkflowHost.NewDatabase();
        await using (var first = new WorkflowHost(db))
            await (await first.LoginAsync("supervisor")).Post("/api/clock/advance", new { duration = "P1D" });

        await using (var later = new WorkflowHost(db, clockStart: "2026-04-01T09:00+08:00"))
            (await NowAsync(await later.LoginAsync("supervisor"))).Should().Be("2026-04-01T09:00:00+08:00");

        await using var earlier = new WorkflowHost(db, clockStart: "2026-03-02T09:00+08:00");
        (await NowAsync(await earlier.LoginAsync("supervisor"))).Should().Be("2026-04-01T09:00:00+08:00", "the clock never moves backwards");
    }

    [TestCase("P40000D")]
    [TestCase("P3650000D")]
    public async Task Moving_the_clock_past_the_calendar_range_is_refused_in_Chinese_and_cases_still_start(string duration)
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var supervisor = await host.LoginAsync("supervisor");

        var refused = await supervisor.Post("/api/clock/advance", new { duration });
        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        refused.Body.GetProperty("title").GetString().Should().Be("超出工作日历范围");
        refused.Detail.Should().Contain("工作日历的范围").And.Contain("2100-12-31");
        (await NowAsync(supervisor)).Should().Be("2026-03-02T09:00:00+08:00", "a refused move leaves the clock where it was");

        var view = await (await host.LoginAsync("window")).StartLicensingCase();
        view.GetProperty("caseNo").GetString().Should().Be("2026-000001");
    }

    [TestCase("P99999999999D")]
    [TestCase("PT99999999999999H")]
    [TestCase("-P1D")]
    [TestCase("P")]
    [TestCase("")]
    public async Task No_duration_makes_the_advance_fail_with_a_server_error(string duration)
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var supervisor = await host.LoginAsync("supervisor");
        var reply = await supervisor.Post("/api/clock/advance", new { duration });
        ((int)reply.Status).Should().BeInRange(400, 499, reply.Body.ToString());
        (await NowAsync(supervisor)).Should().Be("2026-03-02T09:00:00+08:00");
    }
}
