using System.Net;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

public class CalendarApiTests
{
    [Test]
    public async Task Deadlines_are_counted_over_the_official_calendar()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var client = await host.LoginAsync("window");
        var reply = await client.Get("/api/calendar/deadline?from=2026-02-13&add=5wd");
        reply.Body.GetProperty("dueDate").GetString().Should().Be("2026-02-27");
        reply.Body.GetProperty("dueAt").GetString().Should().Be("2026-02-28T00:00:00+08:00");
        reply.Body.GetProperty("provisional").GetBoolean().Should().BeFalse();
        (await client.Get("/api/calendar/deadline?from=2026-10-01T23:30&add=2h")).Body.GetProperty("dueAt").GetString().Should().Be("2026-10-02T01:30:00+08:00");
        (await client.Get("/api/calendar/deadline?from=2026-12-28&add=5wd")).Body.GetProperty("provisional").GetBoolean().Should().BeTrue();
        (await client.Get("/api/calendar/deadline?from=someday&add=5wd")).Status.Should().Be(HttpStatusCode.BadRequest);
        (await client.Get("/api/calendar/deadline?from=2026-02-13&add=5weeks")).Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Loading_next_years_notice_recomputes_the_open_provisional_deadlines()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(), clockStart: "2026-12-21T09:00+08:00");
        var clerk = await host.LoginAsync("window");
        var owner = await host.LoginAsync("owner");
        var view = await clerk.StartLicensingCase();
        var accepted = (await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } })).Body;
        var before = accepted.CaseDeadline();
        before.GetProperty("provisional").GetBoolean().Should().BeTrue();

        const string notice = """
            { "year": 2027, "source": "国务院办公厅关于2027年部分节假日安排的通知（测试）",
              "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" }, { "name": "测试调休", "from": "2027-01-11", "to": "2027-01-12" } ],
              "workdays": [] }
            """;
        (await clerk.PutText("/api/calendar/2027", notice)).Status.Should().Be(HttpStatusCode.Forbidden);
        var load = await owner.PutText("/api/calendar/2027", notice);
        load.Status.Should().Be(HttpStatusCode.OK, load.Body.ToString());
        load.Body.GetProperty("casesRecomputed").GetInt32().Should().Be(1);
        load.Body.GetProperty("provisionalDeadlinesAfter").GetInt32().Should().Be(0);

        var after = (await clerk.Get($"/api/cases/{view.Id()}")).Body.CaseDeadline();
        after.GetProperty("provisional").GetBoolean().Should().BeFalse();
        after.GetProperty("dueAt").GetString().Should().NotBe(before.GetProperty("dueAt").GetString());
        (await clerk.Get("/api/calendar/2027")).Body.GetProperty("loaded").GetBoolean().Should().BeTrue();
        (await owner.PutText("/api/calendar/2027", "{ \"year\": 2027 ")).Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        var wrongYear = await owner.PutText("/api/calendar/2028", notice);
        wrongYear.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        wrongYear.Detail.Should().Contain("2028.json").And.Contain("2027");
    }
}
