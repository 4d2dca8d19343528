namespace WorkflowEngine.Testing;

/// <summary>The repository's folders, found from the test's output folder. Shared by the test projects.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "WorkflowEngine.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("WorkflowEngine.sln not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    public static string Host => Path.Combine(Root, "Host");
    public static string ClientApp => Path.Combine(Host, "ClientApp");

    /// <summary>The configuration the tests were built in (Debug or Release): bin/&lt;configuration&gt;/&lt;framework&gt;/.</summary>
    public static string Configuration => new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name;

    /// <summary>A new empty folder outside the repository.</summary>
    public static string NewTempFolder(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(path);
        return path;
    }
}
