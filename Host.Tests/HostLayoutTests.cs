using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Testing;

namespace WorkflowEngine.Host.Tests;

/// <summary>Where the service takes its settings, web UI and relative database path from, whatever the working directory.</summary>
public class HostLayoutTests
{
    [Test]
    public void Run_from_its_build_output_in_the_source_tree_the_content_root_is_the_project_folder()
    {
        var output = Path.Combine(Repository.Host, "bin", "Release", "net10.0");
        HostLayout.ContentRoot(output).Should().Be(Repository.Host);
    }

    [Test]
    public void Anywhere_else_the_content_root_is_the_program_folder()
    {
        var published = Path.Combine(Path.GetTempPath(), "opt", "workflow-engine");
        HostLayout.ContentRoot(published).Should().Be(Path.GetFullPath(published));
        // A bin folder of some other project is not the Host's build output.
        var tests = TestContext.CurrentContext.TestDirectory;
        HostLayout.ContentRoot(tests).Should().Be(Path.GetFullPath(tests));
    }

    [Test]
    public void A_relative_database_path_is_taken_from_the_content_root_and_an_absolute_one_is_kept()
    {
        var relative = new DatabaseOptions { Path = "data/workflow.db" };
        HostLayout.ResolveDatabasePath(relative, "/opt/workflow-engine");
        relative.Path.Should().Be("/opt/workflow-engine/data/workflow.db");

        var absolute = new DatabaseOptions { Path = "/var/lib/workflow-engine/workflow.db" };
        HostLayout.ResolveDatabasePath(absolute, "/opt/workflow-engine");
        absolute.Path.Should().Be("/var/lib/workflow-engine/workflow.db");
    }

    [Test]
    public void A_configured_content_root_is_left_to_ASP_NET_Core()
    {
        HostLayout.Options(["--contentRoot", "/srv/workflow"]).ContentRootPath.Should().BeNull();
        HostLayout.Options(["--contentRoot=/srv/workflow"]).ContentRootPath.Should().BeNull();
        HostLayout.Options([]).ContentRootPath.Should().NotBeNull();
    }
}
