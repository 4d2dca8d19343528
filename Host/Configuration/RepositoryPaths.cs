namespace WorkflowEngine.Server.Configuration;

/// <summary>Finds the data that ships with the product (Definitions/, samples/) whether run from the source tree or a publish folder.</summary>
public static class RepositoryPaths
{
    public static string Definitions(WorkflowOptions options) =>
        Resolve(options.Paths.Definitions, "Definitions", p => Directory.Exists(Path.Combine(p, "flows")));

    public static string Users(WorkflowOptions options) =>
        Resolve(options.Paths.Users, Path.Combine("samples", "users.json"), File.Exists);

    private static string Resolve(string configured, string relative, Func<string, bool> exists)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        // A publish folder carries its own copy beside the program; it wins over whatever the working directory holds.
        var published = Path.Combine(AppContext.BaseDirectory, relative);
        if (exists(published)) return published;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (exists(candidate)) return candidate;
            }
        throw new DirectoryNotFoundException($"找不到 {relative}：请在配置 Paths 中指定其位置。");
    }
}
