using System.Net;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>POST /api/definitions/simulate: a draft run on a simulated clock in memory, with the loaded calendars.</summary>
public class SimulationApiTests
{
    private WorkflowHost _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = new WorkflowHost(WorkflowHost.NewDatabase());

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    private const string Draft = """
        {
          "id": "simulated-permit", "version": 1, "name": "模拟许可", "category": "行政审批",
          "roles": [ { "id": "approval-window", "name": "窗口" }, { "id": "approval-section-chief", "name": "科长" } ],
          "fields": [ { "id": "applicant", "label": "申请人", "type": "text", "required": true }, { "id": "checked", "label": "已核对", "type": "boolean" } ],
          "riskPoints": [ { "id": "①", "level": 2, "text": "未核对材料即受理" } ],
          "limits": { "statutory": { "duration": "10wd", "basis": "行政许可法第四十二条" } },
          "start": "intake",
          "steps": [
            { "id": "intake", "kind": "task", "name": "受理", "role": "approval-window", "timeLimit": { "duration": "1wd" },
              "actions": [ { "id": "accept", "name": "受理", "to": "review" } ] },
            { "id": "review", "kind": "task", "name": "审查", "role": "approval-section-chief", "timeLimit": { "duration": "5wd" }, "risks": ["①"],
              "actions": [ { "id": "approve", "name": "批准", "to": "granted" } ],
              "checks": [ { "risk": "①", "check": "condition", "params": { "expression": "checked == true", "message": "材料尚未核对" } } ] },
            { "id": "granted", "kind": "end", "name": "准予许可", "outcome": "granted" }
          ]
        }
        """;

    /// <summary>A 2027 notice as a process owner would load it (test data: 春节 02-05…02-13 off, Saturday 02-20 worked).</summary>
    private const string Notice2027 = """
        {
          "year": 2027, "source": "测试用 2027 年节假日安排",
          "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" }, { "name": "春节", "from": "2027-02-05", "to": "2027-02-13" } ],
          "workdays": [ "2027-02-20" ]
        }
        """;

    private static object Request(object? actions = null, string start = "2027-02-02T10:00+08:00") => new
    {
        definition = JsonDocument.Parse(Draft).RootElement,
        start,
        data = new { applicant = "康宁医院" },
        actions = actions ?? new object[] { new { step = "intake", action = "accept", advance = "P1D" } },
    };

    [Test]
    public async Task A_simulation_across_the_2027_Spring_Festival_gives_the_loaded_notices_last_day()
    {
        var owner = await _host.LoginAsync("owner");
        (await owner.PutText("/api/calendar/2027", Notice2027)).Status.Should().Be(HttpStatusCode.OK);
        var before = (await owner.Get("/api/cases")).Items.GetArrayLength();

        var reply = await owner.Post("/api/definitions/simulate", Request(new object[]
        {
            new { step = "intake", action = "accept", advance = "P1D" },
            new { step = "review", action = "approve", advance = "PT1H" },
            new { step = "review", action = "approve", data = new { @checked = true } },
        }));

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Body.ToString());
        var deadlines = reply.Body.GetProperty("deadlines").EnumerateArray().ToList();
        var review = deadlines.Single(d => d.GetProperty("stepName").GetString() == "审查");
        review.GetProperty("lastDay").GetString().Should().Be("2027-02-18", "02-04 counts, 02-05…02-14 are off, then 02-15…02-18");
        review.GetProperty("provisional").GetBoolean().Should().BeFalse();
        // The statutory 10wd from 02-02: 02-03, 02-04, 02-15…02-19, 02-20 (调休 Saturday), 02-22, 02-23.
        deadlines.Single(d => d.GetProperty("kind").GetString() == "statutory").GetProperty("lastDay").GetString().Should().Be("2027-02-23");
        var path = reply.Body.GetProperty("path").EnumerateArray().ToList();
        path.Select(p => p.GetProperty("stepId").GetString()).Should().Equal("intake", "review");
        path[1].GetProperty("risks")[0].GetProperty("text").GetString().Should().Be("未核对材料即受理");
        path[1].GetProperty("blocks")[0].GetProperty("reason").GetString().Should().Contain("材料尚未核对");
        var refusal = reply.Body.GetProperty("refusals").EnumerateArray().Single();
        refusal.GetProperty("move").GetInt32().Should().Be(2);
        refusal.GetProperty("reason").GetString().Should().Contain("材料尚未核对");
        reply.Body.GetProperty("status").GetString().Should().Be("closed");
        (await owner.Get("/api/cases")).Items.GetArrayLength().Should().Be(before, "a simulation stores nothing");
    }

    [Test]
    public async Task A_saved_draft_is_simulated_by_its_id()
    {
        var owner = await _host.LoginAsync("owner");
        (await owner.PostText("/api/definitions", Draft.Replace("simulated-permit", "simulated-draft"))).Status.Should().Be(HttpStatusCode.Created);

        var reply = await owner.Post("/api/definitions/simulate", new
        {
            definitionId = "simulated-draft", start = "2026-03-02T09:00+08:00", data = new { applicant = "甲" },
            actions = new object[] { new { step = "intake", action = "accept" } },
        });

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Body.ToString());
        reply.Body.GetProperty("path").GetArrayLength().Should().Be(2);
    }

    private static IEnumerable<TestCaseData> BadRequests()
    {
        var definition = JsonDocument.Parse(Draft).RootElement;
        yield return new TestCaseData(new { data = new { } }, "二选一").SetName("neither definition nor id");
        yield return new TestCaseData(new { definition, start = "明天" }, "start 应为").SetName("a start that is not an instant");
        yield return new TestCaseData(new { definition, actions = new[] { new { step = "nowhere", action = "go" } } }, "第 1 步的环节“nowhere”不在本流程中")
            .SetName("an unknown step");
        yield return new TestCaseData(new { definition, actions = new[] { new { step = "intake", action = "accept", advance = "three days" } } },
            "第 1 步的 advance 应为 ISO 8601 时长").SetName("a duration that is not ISO 8601");
        yield return new TestCaseData(new { definition, actions = new[] { new { step = "intake", action = (string?)null, advance = (string?)null } } },
            "须写明在“受理”环节办理的动作").SetName("a move without an action");
        yield return new TestCaseData(new { definition, data = "甲" }, "data 应为 JSON 对象").SetName("data that is not an object");
        yield return new TestCaseData(new { definition, start = "2100-12-30T09:00+08:00", data = new { applicant = "甲" }, actions = new[] { new { step = "intake", action = "accept", advance = "P900D" } } },
            "模拟无法进行").SetName("a clock beyond the calendar's range");
    }

    [TestCaseSource(nameof(BadRequests))]
    public async Task Bad_input_is_a_Chinese_400(object body, string detail)
    {
        var owner = await _host.LoginAsync("owner");
        var reply = await owner.Post("/api/definitions/simulate", body);
        reply.Status.Should().Be(HttpStatusCode.BadRequest, reply.Body.ToString());
        reply.Detail.Should().Contain(detail);
    }

    [Test]
    public async Task Only_process_owners_and_administrators_simulate()
    {
        (await _host.CreateClient().Post("/api/definitions/simulate", Request())).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await (await _host.LoginAsync("window")).Post("/api/definitions/simulate", Request())).Status.Should().Be(HttpStatusCode.Forbidden);
        (await (await _host.LoginAsync("admin")).Post("/api/definitions/simulate", Request())).Status.Should().Be(HttpStatusCode.OK);
    }
}
