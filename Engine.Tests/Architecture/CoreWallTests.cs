using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Tests.Architecture;

/// <summary>The pure core is its own assembly: no persistence, scheduler or web package may reach it.</summary>
public class CoreWallTests
{
    private static readonly string[] Forbidden =
        ["Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Npgsql", "Quartz", "Microsoft.AspNetCore", "Microsoft.Extensions.Hosting"];

    [Test]
    public void The_core_assembly_references_no_persistence_scheduler_or_web_assembly()
    {
        var references = typeof(WorkflowRuntime).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        references.Where(r => Forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))).Should().BeEmpty();
    }

    [Test]
    public void The_core_project_asks_for_no_such_package()
    {
        var project = File.ReadAllText(Path.Combine(Support.Repo.Root, "Engine", "Engine.csproj"));
        Forbidden.Where(p => project.Contains(p, StringComparison.Ordinal)).Should().BeEmpty();
    }
}
