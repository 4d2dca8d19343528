namespace WorkflowEngine.Browser.Tests;

/// <summary>Finds the repository's folders from the test's output folder.</summary>
internal static class RepositoryLayout
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
}
