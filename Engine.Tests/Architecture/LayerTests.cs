using System.Text.RegularExpressions;

namespace WorkflowEngine.Tests.Architecture;

/// <summary>
/// The core's namespaces form layers: each may use only those below it, so no two depend on each other. Read from the
/// sources (every <c>using</c> and fully qualified name), the way a reviewer would.
/// </summary>
public partial class LayerTests
{
    private static readonly string[] CoreLayers = ["Text", "Expressions", "Calendar", "Definitions", "Cases", "Risk", "Outlook", "Runtime", "Audit"];

    [Test]
    public void Each_core_namespace_uses_only_the_layers_below_it() =>
        Violations(Path.Combine(Support.Repo.Root, "Engine"), "WorkflowEngine.Engine", CoreLayers).Should().BeEmpty();

    [Test]
    public void The_host_s_alerts_do_not_depend_on_its_API() =>
        Violations(Path.Combine(Support.Repo.Root, "Host", "Alerts"), "WorkflowEngine.Server", ["Alerts", "Api"]).Should().BeEmpty();

    private static List<string> Violations(string folder, string root, string[] layers)
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")))
        {
            var text = File.ReadAllText(file);
            var own = Regex.Match(text, $@"^namespace {Regex.Escape(root)}\.(\w+)", RegexOptions.Multiline);
            if (!own.Success) continue;
            var level = Array.IndexOf(layers, own.Groups[1].Value);
            foreach (Match used in Regex.Matches(text, $@"{Regex.Escape(root)}\.(\w+)"))
            {
                var other = Array.IndexOf(layers, used.Groups[1].Value);
                if (other > level) found.Add($"{Path.GetFileName(file)}: {own.Groups[1].Value} → {used.Groups[1].Value}");
            }
        }
        return found.Distinct().ToList();
    }
}
