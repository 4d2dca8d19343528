using System.Net;
using Newtonsoft.Json.Linq;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Server.Configuration;

namespace WorkflowEngine.Host.Tests;

public class DefinitionApiTests
{
    private WorkflowHost _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = new WorkflowHost(WorkflowHost.NewDatabase());

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    private static string Licensing() =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Definitions(new WorkflowOptions()), "flows", "licensing-approval.json"));

    [Test]
    public async Task A_definition_is_served_with_its_hearing_expanded_into_the_steps_the_runtime_runs()
    {
        var client = await _host.LoginAsync("window");
        var steps = (await client.Get("/api/definitions/licensing-approval")).Body.GetProperty("definition").GetProperty("steps").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("kind").GetString());
        steps.Should().Contain(new KeyValuePair<string, string?>("hearing", "task"))
            .And.ContainKey("hearing-notice").And.ContainKey("hearing-held");
        steps.Values.Should().NotContain("hearing");
    }

    [Test]
    public async Task The_catalog_lists_every_shipped_flow_with_its_size_limits_and_risk_points()
    {
        var client = await _host.LoginAsync("window");
        var list = (await client.Get("/api/definitions")).Body.EnumerateArray().ToList();
        list.Should().HaveCount(Directory.GetFiles(Path.Combine(RepositoryPaths.Definitions(new WorkflowOptions()), "flows"), "*.json").Length);
        var licensing = list.Single(d => d.GetProperty("id").GetString() == "licensing-approval");
        licensing.GetProperty("category").GetString().Should().Be("行政审批");
        licensing.GetProperty("statutory").GetString().Should().Be("20个工作日");
        licensing.GetProperty("promised").GetString().Should().Be("15个工作日");
        licensing.GetProperty("riskPoints").GetInt32().Should().Be(4);
        licensing.GetProperty("steps").GetInt32().Should().Be(21);
    }

    [Test]
    public async Task Validation_reports_every_error_with_path_line_and_message()
    {
        var owner = await _host.LoginAsync("owner");
        var broken = Licensing().Replace("\"to\": \"review\", \"requires\": [\"materials\"]", "\"to\": \"reviw\", \"requires\": [\"materials\"]");
        var reply = await owner.PostText("/api/definitions/validate", broken);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        var error = reply.Body.GetProperty("errors").EnumerateArray().Single();
        error.GetProperty("path").GetString().Should().Be("steps[0].actions[0].to");
        error.GetProperty("message").GetString().Should().Be("目标环节“reviw”不存在，请改为已定义的环节编号。");
        error.GetProperty("line").GetInt32().Should().Be(broken.Split('\n').ToList().FindIndex(l => l.Contains("\"reviw\"")) + 1);

        (await owner.PostText("/api/definitions/validate", Licensing())).Body.GetProperty("valid").GetBoolean().Should().BeTrue();
        (await owner.PostText("/api/definitions/validate", "{")).Body.GetProperty("errors")[0].GetProperty("message").GetString().Should().StartWith("JSON 格式错误");
    }

    [Test]
    public async Task A_new_version_is_a_draft_until_published_and_a_running_case_stays_on_its_version()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var owner = await host.LoginAsync("owner");
        var clerk = await host.LoginAsync("window");
        var running = await clerk.StartLicensingCase();
        running.GetProperty("definitionVersion").GetInt32().Should().Be(1);

        var changed = JObject.Parse(Licensing());
        changed["limits"]!["promised"]!["duration"] = "12wd";
        (await clerk.PostText("/api/definitions", changed.ToString())).Status.Should().Be(HttpStatusCode.Forbidden, "only process owners store definitions");
        var draft = await owner.PostText("/api/definitions", changed.ToString());
        draft.Status.Should().Be(HttpStatusCode.Created);
        draft.Body.GetProperty("version").GetInt32().Should().Be(2);
        draft.Body.GetProperty("status").GetString().Should().Be("draft");
        var latest = (await owner.Get("/api/definitions?status=all")).Body.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "licensing-approval");
        latest.GetProperty("version").GetInt32().Should().Be(2);
        latest.GetProperty("status").GetString().Should().Be("draft", "the designer lists drafts too");
        (await owner.Get("/api/definitions")).Body.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "licensing-approval")
            .GetProperty("version").GetInt32().Should().Be(1, "the catalog lists what is published");
        (await clerk.StartLicensingCase()).GetProperty("definitionVersion").GetInt32().Should().Be(1, "a draft is not used");

        var published = await owner.Post("/api/definitions/licensing-approval/versions/2/publish", null);
        published.Body.GetProperty("status").GetString().Should().Be("published");
        var fresh = await clerk.StartLicensingCase();
        fresh.GetProperty("definitionVersion").GetInt32().Should().Be(2);

        var old = await clerk.Post($"/api/cases/{running.Id()}/tasks/{running.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } });
        old.Body.GetProperty("definitionVersion").GetInt32().Should().Be(1);
        old.Body.GetProperty("outlook").GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "promised").GetProperty("period").GetString().Should().Be("15wd");
        var versions = (await owner.Get("/api/definitions/licensing-approval/versions")).Body;
        versions.EnumerateArray().Select(v => v.GetProperty("status").GetString()).Should().Equal("published", "published");
        (await owner.Get("/api/definitions/licensing-approval?version=1")).Body.GetProperty("definition").GetProperty("limits").GetProperty("promised")
            .GetProperty("duration").GetString().Should().Be("15wd");
        (await owner.Post("/api/definitions/licensing-approval/versions/9/publish", null)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task An_invalid_definition_is_never_stored()
    {
        var owner = await _host.LoginAsync("owner");
        var before = (await owner.Get("/api/definitions/administrative-reconsideration/versions")).Body.GetArrayLength();
        var broken = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Definitions(new WorkflowOptions()), "flows", "administrative-reconsideration.json")));
        broken["start"] = "nowhere";
        (await owner.PostText("/api/definitions", broken.ToString())).Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await owner.Get("/api/definitions/administrative-reconsideration/versions")).Body.GetArrayLength().Should().Be(before);
    }
}
