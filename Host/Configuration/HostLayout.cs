using Microsoft.Extensions.Configuration;

namespace WorkflowEngine.Server.Configuration;

/// <summary>
/// Where the service finds its settings (appsettings.json), its web UI (wwwroot) and, for relative paths, its
/// database — independent of the working directory it was started from:
/// <list type="bullet">
/// <item>configured (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>; <c>--webroot</c>): as configured;</item>
/// <item>run from its build output in the source tree (<c>Host/bin/&lt;configuration&gt;/&lt;framework&gt;/</c>, as
/// <c>dotnet run --project Host</c> does): the project folder <c>Host/</c>, with the UI the build puts in <c>Host/wwwroot</c>;</item>
/// <item>otherwise (a publish folder such as /opt/workflow-engine): the program's own folder.</item>
/// </list>
/// </summary>
public static class HostLayout
{
    public const string ProjectFile = "Host.csproj";

    public static WebApplicationOptions Options(string[] args)
    {
        var configured = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();
        var contentRoot = configured[WebHostDefaults.ContentRootKey];
        return new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = string.IsNullOrWhiteSpace(contentRoot) ? ContentRoot(AppContext.BaseDirectory) : null,
        };
    }

    /// <summary>The project folder when <paramref name="programFolder"/> is its build output (bin/*/*), otherwise the program folder itself.</summary>
    public static string ContentRoot(string programFolder)
    {
        var folder = new DirectoryInfo(Path.GetFullPath(programFolder));
        var project = folder.Parent?.Parent?.Parent;
        var isBuildOutput = folder.Parent?.Parent?.Name == "bin" && project is not null && File.Exists(Path.Combine(project.FullName, ProjectFile));
        return isBuildOutput ? project!.FullName : folder.FullName;
    }

    /// <summary>A relative database path is taken from the content root, not from the working directory.</summary>
    public static void ResolveDatabasePath(DatabaseOptions database, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(database.Path) && !Path.IsPathRooted(database.Path))
            database.Path = Path.GetFullPath(Path.Combine(contentRoot, database.Path));
    }
}
