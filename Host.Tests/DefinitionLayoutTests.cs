using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Host.Tests;

/// <summary>Saving only the node positions stores the new layout and leaves every other byte of the stored definition as written.</summary>
public class DefinitionLayoutTests
{
    // Four-space indentation, a date-like string, a decimal written with a trailing zero, non-ASCII text: all must survive.
    private const string Stored = """
        {
            "id": "demo", "version": 2, "name": "布局示例",
            "start": "2026-03-02T09:00+08:00",
            "amount": 1.50,
            "layout": { "a": { "x": 10, "y": 20 } },
            "steps": [ { "id": "a" } ]
        }
        """;

    [Test]
    public void A_positions_only_save_changes_the_layout_and_nothing_else()
    {
        var moved = DefinitionLayout.Replace(Stored, """{ "id": "demo", "layout": { "a": { "x": 300, "y": 40 } } }""");
        moved.Should().NotBeNull();
        moved!.Replace("""{ "a": { "x": 300, "y": 40 } }""", """{ "a": { "x": 10, "y": 20 } }""").Should().Be(Stored, "only the layout's text differs");
        Newtonsoft.Json.Linq.JObject.Parse(moved)["layout"]!["a"]!["x"]!.ToObject<int>().Should().Be(300);
    }

    [Test]
    public void The_same_positions_change_nothing_and_a_layout_is_added_or_removed_in_place()
    {
        DefinitionLayout.Replace(Stored, """{ "layout": { "a": { "y": 20, "x": 10 } } }""").Should().BeNull();

        var removed = DefinitionLayout.Replace(Stored, """{ "id": "demo" }""");
        removed.Should().Be(Stored.Replace(",\n    \"layout\": { \"a\": { \"x\": 10, \"y\": 20 } }", ""));
        Newtonsoft.Json.Linq.JObject.Parse(removed!).ContainsKey("layout").Should().BeFalse();

        var added = DefinitionLayout.Replace(removed!, """{ "layout": { "a": { "x": 5, "y": 6 } } }""");
        added!.Replace(",\n  \"layout\": { \"a\": { \"x\": 5, \"y\": 6 } }", "").Should().Be(removed, "the layout is added after the last property, the rest untouched");
        Newtonsoft.Json.Linq.JObject.Parse(added!)["layout"]!["a"]!["x"]!.ToObject<int>().Should().Be(5);
    }
}
