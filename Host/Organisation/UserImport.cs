using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WorkflowEngine.Server.Api;

namespace WorkflowEngine.Server.Organisation;

/// <summary>Reads an import file: a CSV (header username,name,department,posts[,password]; posts separated by ; or |) or JSON.</summary>
public static class UserImport
{
    public sealed record Row(int Line, UserRequest Request);

    public static (IReadOnlyList<Row> Rows, ImportErrorDto? Error) Parse(string text, string? contentType)
    {
        text = text.TrimStart('\uFEFF');
        var json = contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
            || (contentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) != true && text.TrimStart() is ['[' or '{', ..]);
        return json ? ParseJson(text) : ParseCsv(text);
    }

    private static (IReadOnlyList<Row>, ImportErrorDto?) ParseJson(string text)
    {
        JToken root;
        try { root = JToken.Parse(text); }
        catch (JsonReaderException e) { return ([], new ImportErrorDto(e.LineNumber, null, $"JSON 格式有误：第 {e.LineNumber} 行第 {e.LinePosition} 列附近。")); }
        var items = root as JArray ?? root["users"] as JArray;
        if (items is null) return ([], new ImportErrorDto(1, null, "JSON 须为用户数组，或含“users”数组的对象。"));
        var rows = new List<Row>();
        foreach (var item in items)
        {
            var line = ((IJsonLineInfo)item).HasLineInfo() ? ((IJsonLineInfo)item).LineNumber : 1;
            if (item is not JObject o) { rows.Add(new Row(line, new UserRequest(null, null, null, null, null, null))); continue; }
            var posts = o["posts"] ?? o["roles"];
            rows.Add(new Row(line, new UserRequest(
                (string?)(o["username"] ?? o["id"]), (string?)o["name"], (string?)(o["departmentId"] ?? o["department"]),
                posts is JArray a ? a.Select(p => (string?)p ?? "").ToList() : SplitPosts((string?)posts), null, (string?)o["password"])));
        }
        return (rows, null);
    }

    private static (IReadOnlyList<Row>, ImportErrorDto?) ParseCsv(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(params string[] names) => header.FindIndex(h => names.Contains(h));
        int id = Column("username", "用户名"), name = Column("name", "姓名"), dept = Column("department", "科室"), posts = Column("posts", "岗位"),
            password = Column("password", "密码");
        if (id < 0 || name < 0 || posts < 0)
            return ([], new ImportErrorDto(1, null, "CSV 第 1 行须为表头，至少包含 username（用户名）、name（姓名）、posts（岗位）三列，可选 department（科室）、password（密码）。"));
        var rows = new List<Row>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var cells = lines[i].Split(',').Select(c => c.Trim().Trim('"')).ToArray();
            string? Cell(int c) => c >= 0 && c < cells.Length && cells[c].Length > 0 ? cells[c] : null;
            rows.Add(new Row(i + 1, new UserRequest(Cell(id), Cell(name), Cell(dept), SplitPosts(Cell(posts)), null, Cell(password))));
        }
        return (rows, null);
    }

    private static List<string> SplitPosts(string? posts) =>
        (posts ?? "").Split([';', '|', '；', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
