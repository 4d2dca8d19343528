using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Tests.Definitions;

/// <summary>The designer's node positions travel with a version but never change what the flow means.</summary>
public class LayoutTests
{
    private static readonly DefinitionLoadOptions Options = RiskCheckRegistry.CreateDefault().LoadOptions();

    private const string Flow = """
        {
          "id": "seal", "version": 1, "name": "用印审批",
          "roles": [ { "id": "clerk", "name": "办公室" } ],
          "start": "apply",
          "steps": [
            { "id": "apply", "kind": "task", "name": "申请", "role": "clerk", "actions": [ { "id": "submit", "name": "提交", "to": "done" } ] },
            { "id": "done", "kind": "end", "name": "办结", "outcome": "completed" }
          ]
        }
        """;

    private static string WithLayout(JToken layout)
    {
        var root = JObject.Parse(Flow);
        root["layout"] = layout;
        return root.ToString(Formatting.Indented);
    }

    [Test]
    public void The_loader_accepts_and_keeps_the_layout()
    {
        var loaded = DefinitionLoader.Load(WithLayout(JObject.Parse("""{ "apply": { "x": 40, "y": 20.5 }, "done": { "x": 40, "y": 160 } }""")), Options);
        loaded.Errors.Should().BeEmpty();
        loaded.Definition!.Layout.Should().BeEquivalentTo(new Dictionary<string, NodePosition>
        {
            ["apply"] = new(40, 20.5), ["done"] = new(40, 160),
        });
    }

    [Test]
    public void Validation_ignores_the_layout_even_when_it_names_no_step_or_is_malformed()
    {
        var layout = JObject.Parse("""{ "gone": { "x": 1, "y": 2 }, "apply": { "x": "left" }, "done": 7, "z": { "x": 3, "y": 4, "w": 9 } }""");
        var loaded = DefinitionLoader.Load(WithLayout(layout), Options);
        loaded.Errors.Should().BeEmpty();
        loaded.Definition!.Layout.Keys.Should().BeEquivalentTo(["gone", "z"]);
        DefinitionLoader.Load(WithLayout(new JArray(1, 2)), Options).Errors.Should().BeEmpty();
    }

    [Test]
    public void Positions_do_not_change_the_content_hash_that_compares_versions()
    {
        var a = WithLayout(JObject.Parse("""{ "apply": { "x": 0, "y": 0 } }"""));
        var b = WithLayout(JObject.Parse("""{ "apply": { "x": 500, "y": 900 }, "done": { "x": 1, "y": 1 } }"""));
        DefinitionStore.ContentHash(a).Should().Be(DefinitionStore.ContentHash(b)).And.Be(DefinitionStore.ContentHash(Flow));
        DefinitionStore.ContentHash(Flow.Replace("申请", "用印申请")).Should().NotBe(DefinitionStore.ContentHash(Flow));
    }

    [Test]
    public void Positions_do_not_change_how_a_flow_is_summarised()
    {
        var plain = DefinitionLoader.Load(Flow, Options).Definition!;
        var drawn = DefinitionLoader.Load(WithLayout(JObject.Parse("""{ "apply": { "x": 9, "y": 9 } }""")), Options).Definition!;
        DefinitionSummary.Of(drawn).Should().BeEquivalentTo(DefinitionSummary.Of(plain));
    }
}
