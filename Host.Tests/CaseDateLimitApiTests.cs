using System.Net;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>Case limits fixed to a calendar date over HTTP: in the case's outlook, in the supervisors' deadline list, and as red cards.</summary>
public class CaseDateLimitApiTests
{
    private const string Flow = """
        {
          "id": "annual-report-demo", "version": 1, "name": "年度报送演示", "category": "综合",
          "roles": [ { "id": "approval-window", "name": "窗口" } ],
          "fields": [ { "id": "unit", "label": "报送单位", "type": "text", "required": true },
                      { "id": "dueOn", "label": "报送截止日期", "type": "date", "required": true } ],
          "limits": { "statutory": { "untilField": "dueOn", "basis": "通知规定的报送截止日期" }, "promised": { "until": "12-31" } },
          "start": "collect",
          "steps": [
            { "id": "collect", "kind": "task", "name": "汇总报送", "role": "approval-window", "actions": [ { "id": "submit", "name": "报送", "to": "done" } ] },
            { "id": "done", "kind": "end", "name": "办结", "outcome": "completed" }
          ]
        }
        """;

    [Test]
    public async Task A_case_whose_date_field_has_passed_goes_red_and_a_year_end_limit_is_due_that_year()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var owner = await host.LoginAsync("owner");
        (await owner.PostText("/api/definitions", Flow)).Status.Should().Be(HttpStatusCode.Created);
        (await owner.Post("/api/definitions/annual-report-demo/versions/1/publish", null)).Status.Should().Be(HttpStatusCode.OK);
        var window = await host.LoginAsync("window");
        var started = await window.Post("/api/cases", new { definitionId = "annual-report-demo", data = new { unit = "某社区卫生服务中心", dueOn = "2026-03-06" } });
        started.Status.Should().Be(HttpStatusCode.Created, started.Body.ToString());
        var id = started.Body.Id();

        var deadlines = started.Body.GetProperty("outlook").GetProperty("deadlines").EnumerateArray().ToDictionary(d => d.GetProperty("kind").GetString()!);
        (deadlines["statutory"].GetProperty("period").GetString(), deadlines["statutory"].GetProperty("periodText").GetString(),
            deadlines["statutory"].GetProperty("basis").GetString()).Should().Be(("until:2026-03-06", "“报送截止日期”所载日期前", "通知规定的报送截止日期"));
        (deadlines["promised"].GetProperty("period").GetString(), deadlines["promised"].GetProperty("lastDay").GetString())
            .Should().Be(("until:2026-12-31", "2026-12-31"), "the clock started on 2026-03-02, before this year's 31 December");

        var supervisor = await host.LoginAsync("supervisor");
        (await supervisor.Post("/api/clock/advance", new { duration = "P6D" })).Status.Should().Be(HttpStatusCode.OK);
        var red = (await supervisor.Get("/api/deadlines?level=red")).Items.EnumerateArray().Where(d => d.GetProperty("caseId").GetString() == id).ToList();
        red.Should().ContainSingle().Which.GetProperty("periodText").GetString().Should().Be("“报送截止日期”所载日期前");
        (red[0].GetProperty("period").GetString(), red[0].GetProperty("dueAt").GetString()).Should().Be(("until:2026-03-06", "2026-03-07T00:00:00+08:00"), "24:00 of the day in the field");
        (await supervisor.Get("/api/alerts?status=open")).Items.EnumerateArray()
            .Where(a => a.GetProperty("caseId").GetString() == id).Select(a => a.GetProperty("level").GetString())
            .Should().Contain("red");
        (await window.Get($"/api/cases/{id}")).Body.GetProperty("outlook").GetProperty("caseDeadline").GetProperty("level").GetString().Should().Be("red");
    }
}
