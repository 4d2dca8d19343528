using Newtonsoft.Json.Linq;

namespace WorkflowEngine.Engine.Definitions;

/// <summary>The agency's posts (Definitions/roles.json): role id → Chinese name.</summary>
public static class RoleCatalog
{
    public static IReadOnlyDictionary<string, string> Parse(string json)
    {
        var roles = JObject.Parse(json)["roles"] as JArray
            ?? throw new FormatException("岗位目录须有“roles”数组。");
        return roles.ToDictionary(
            r => (string?)r["id"] ?? throw new FormatException("岗位目录中有岗位缺少“id”。"),
            r => (string?)r["name"] ?? throw new FormatException("岗位目录中有岗位缺少“name”。"),
            StringComparer.Ordinal);
    }

    public static IReadOnlyDictionary<string, string> Load(string path) => Parse(File.ReadAllText(path));
}
