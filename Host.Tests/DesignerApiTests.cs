using System.Net;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>The designer's helpers: the condition builder's conversions, the check catalog's parameter forms, saved layouts.</summary>
public class DesignerApiTests
{
    private WorkflowHost _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = new WorkflowHost(WorkflowHost.NewDatabase());

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task A_condition_reads_as_a_tree_and_the_tree_writes_it_back()
    {
        var owner = await _host.LoginAsync("owner");
        var reply = await owner.Post("/api/expressions/builder", new { expression = "sealType == '合同' and (amount > 5 or urgent == true)" });
        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Body.GetProperty("representable").GetBoolean().Should().BeTrue();
        var tree = reply.Body.GetProperty("tree");
        tree.GetProperty("match").GetString().Should().Be("and");
        tree.GetProperty("items")[0].GetProperty("value").GetString().Should().Be("合同");

        var text = await owner.Post("/api/expressions/format", tree);
        text.Status.Should().Be(HttpStatusCode.OK);
        text.Body.GetProperty("expression").GetString().Should().Be("sealType == '合同' and (amount > 5 or urgent == true)");
    }

    [Test]
    public async Task Text_the_builder_cannot_show_is_said_so_and_a_bad_tree_is_a_chinese_400()
    {
        var owner = await _host.LoginAsync("owner");
        var reply = await owner.Post("/api/expressions/builder", new { expression = "not urgent" });
        reply.Body.GetProperty("representable").GetBoolean().Should().BeFalse();
        reply.Body.GetProperty("reason").GetString().Should().Contain("条件构建器不能表示");

        var bad = await owner.Post("/api/expressions/format", new { kind = "rule", field = "and", @operator = "==", value = 1 });
        bad.Status.Should().Be(HttpStatusCode.BadRequest);
        bad.Body.GetProperty("detail").GetString().Should().Contain("不是有效的字段名");
        var nulls = await owner.Post("/api/expressions/format", new { kind = "group", match = "and", items = new object?[] { null } });
        nulls.Status.Should().Be(HttpStatusCode.BadRequest);
        (await owner.PostText("/api/expressions/format", "{\"kind\": 5")).Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Only_process_owners_use_the_builder()
    {
        var outsider = _host.CreateClient();
        var clerk = await _host.LoginAsync("window");
        foreach (var (url, body) in new (string, object)[]
                 {
                     ("/api/expressions/builder", new { expression = "a == 1" }),
                     ("/api/expressions/format", new { kind = "rule", field = "a", @operator = "==", value = 1 }),
                 })
        {
            (await outsider.Post(url, body)).Status.Should().Be(HttpStatusCode.Unauthorized, url);
            (await clerk.Post(url, body)).Status.Should().Be(HttpStatusCode.Forbidden, url);
        }
    }

    [Test]
    public async Task Process_owners_read_departments_and_officials_for_approver_rules()
    {
        var owner = await _host.LoginAsync("owner");
        var directory = (await owner.Get("/api/directory")).Body;
        directory.GetProperty("departments").EnumerateArray().Should().Contain(d => d.GetProperty("name").GetString() == "办公室");
        directory.GetProperty("users").EnumerateArray().Should().Contain(u => u.GetProperty("id").GetString() == "window"
            && u.GetProperty("name").GetString() == "窗口 王芳");
        (await _host.CreateClient().Get("/api/directory")).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await (await _host.LoginAsync("window")).Get("/api/directory")).Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_check_catalog_names_each_check_and_its_parameters_in_chinese()
    {
        var owner = await _host.LoginAsync("owner");
        var checks = (await owner.Get("/api/risk-checks")).Body.EnumerateArray().ToList();
        checks.Should().OnlyContain(c => c.GetProperty("title").GetString()!.Any(ch => ch >= 0x4e00));
        var minimum = checks.Single(c => c.GetProperty("name").GetString() == "min-participants");
        var parameters = minimum.GetProperty("parameters").EnumerateArray().ToList();
        parameters.Select(p => p.GetProperty("name").GetString()).Should().Equal("field", "min");
        parameters[0].GetProperty("label").GetString().Should().Be("参加人员字段");
        parameters[0].GetProperty("type").GetString().Should().Be("field");
        parameters[0].GetProperty("filter").GetString().Should().Be("list");
        checks.Single(c => c.GetProperty("name").GetString() == "collective-decision").GetProperty("parameters")[1]
            .GetProperty("type").GetString().Should().Be("number-or-constant");
    }

    [Test]
    public async Task Moving_steps_without_changing_the_flow_keeps_the_positions_with_the_same_version()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var owner = await host.LoginAsync("owner");
        var json = (await owner.Get("/api/definitions/licensing-approval")).Body.GetProperty("definition");
        var flow = Newtonsoft.Json.Linq.JObject.Parse(json.GetRawText());
        flow["name"] = "行政许可（布局）";
        flow["layout"] = Newtonsoft.Json.Linq.JObject.Parse("""{ "intake": { "x": 10, "y": 20 } }""");
        var saved = await owner.PostText("/api/definitions", flow.ToString());
        saved.Status.Should().Be(HttpStatusCode.Created);
        var version = saved.Body.GetProperty("version").GetInt32();

        flow["layout"] = Newtonsoft.Json.Linq.JObject.Parse("""{ "intake": { "x": 300, "y": 40 } }""");
        var moved = await owner.PostText("/api/definitions", flow.ToString());
        moved.Status.Should().Be(HttpStatusCode.OK, "positions do not change the meaning, so no new version");
        moved.Body.GetProperty("version").GetInt32().Should().Be(version);
        var stored = (await owner.Get($"/api/definitions/licensing-approval?version={version}")).Body.GetProperty("definition");
        stored.GetProperty("layout").GetProperty("intake").GetProperty("x").GetDouble().Should().Be(300);
    }
}
