using System.Text;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Server.Configuration;

namespace WorkflowEngine.Server.Cli;

/// <summary>Every flow in Definitions/flows, summarized: the data behind the <c>flows</c> and <c>catalog</c> verbs.</summary>
public static class FlowCatalog
{
    public static IReadOnlyList<DefinitionSummary> Load(out IReadOnlyList<string> invalid)
    {
        var root = RepositoryPaths.Definitions(new WorkflowOptions());
        var options = RiskCheckRegistry.CreateDefault().LoadOptions().WithRolesOf(root);
        var summaries = new List<DefinitionSummary>();
        var bad = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "flows"), "*.json").Order(StringComparer.Ordinal))
        {
            var result = DefinitionLoader.LoadFile(file, options);
            if (result.Definition is { } d) summaries.Add(DefinitionSummary.Of(d));
            else bad.Add(Path.GetFileName(file));
        }
        invalid = bad;
        return summaries.OrderBy(s => s.Category, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The Markdown catalog page (docs/catalog.md).</summary>
    public static string Markdown(IReadOnlyList<DefinitionSummary> flows)
    {
        var text = new StringBuilder();
        text.AppendLine("# 流程目录 (flow catalog)");
        text.AppendLine();
        text.AppendLine("Generated from `Definitions/flows/` by `dotnet run --project Host -- catalog`; do not edit by hand.");
        text.AppendLine();
        text.AppendLine($"{flows.Count} flows, {flows.Sum(f => f.OfficialSteps)} steps handled by officials, " +
                        $"{flows.Sum(f => f.RiskPoints)} risk points ({flows.Sum(f => f.RiskLevel1)} of level 一级), {flows.Sum(f => f.Checks)} machine checks.");
        text.AppendLine();
        text.AppendLine("Columns: steps (all / handled by officials), statutory and promised limits of the case, the sum of the steps' own limits, risk points (一级 among them), machine checks, and where the flowchart is in the manual.");
        foreach (var group in flows.GroupBy(f => f.Category ?? "其他"))
        {
            text.AppendLine();
            text.AppendLine($"## {group.Key}");
            text.AppendLine();
            text.AppendLine("| 流程 | id | 环节 | 法定时限 | 承诺时限 | 环节时限合计 | 风险点 | 检查 | 出处 |");
            text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var f in group)
                text.AppendLine($"| {f.Name} | [`{f.Id}`](../Definitions/flows/{f.Id}.json) | {f.Steps} / {f.OfficialSteps} | {f.Statutory ?? "—"} | {f.Promised ?? "—"} | " +
                                $"{f.StepLimitsTotal} | {f.RiskPoints}{(f.RiskLevel1 > 0 ? $"（一级 {f.RiskLevel1}）" : "")} | {f.Checks} | {f.Source ?? "—"} |");
        }
        return text.ToString();
    }
}

/// <summary><c>flows</c>: the catalog as a table on the console.</summary>
public static class FlowsVerb
{
    public static int Run(TextWriter output)
    {
        var flows = FlowCatalog.Load(out var invalid);
        output.WriteLine($"{"category",-10} {"id",-52} {"steps",5} {"statutory",-10} {"promised",-10} {"step limits",-16} {"risks",5}  name");
        foreach (var f in flows)
            output.WriteLine($"{f.Category,-10} {f.Id,-52} {f.Steps,5} {f.Statutory ?? "—",-10} {f.Promised ?? "—",-10} {f.StepLimitsTotal,-16} {f.RiskPoints,5}  {f.Name}");
        output.WriteLine($"{flows.Count} flows" + (invalid.Count > 0 ? $"; invalid, not listed: {string.Join(", ", invalid)}" : ""));
        return invalid.Count == 0 ? 0 : 1;
    }
}

/// <summary><c>catalog [--out FILE]</c>: writes the Markdown catalog (default docs/catalog.md beside Definitions/).</summary>
public static class CatalogVerb
{
    public static int Run(string[] args, TextWriter output)
    {
        var flows = FlowCatalog.Load(out var invalid);
        var index = Array.IndexOf(args, "--out");
        var path = index >= 0 && index + 1 < args.Length ? args[index + 1]
            : Path.Combine(Path.GetDirectoryName(RepositoryPaths.Definitions(new WorkflowOptions()))!, "docs", "catalog.md");
        File.WriteAllText(path, FlowCatalog.Markdown(flows));
        output.WriteLine($"Wrote {flows.Count} flows to {path}");
        foreach (var file in invalid) output.WriteLine($"{file}: invalid, left out (see: validate {file})");
        return invalid.Count == 0 ? 0 : 1;
    }
}
