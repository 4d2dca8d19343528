using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Definitions;

public class AllDefinitionsValidateTests
{
    private static IEnumerable<TestCaseData> Files() =>
        Repo.FlowFiles.Select(f => new TestCaseData(f).SetName($"Validates {Path.GetFileName(f)}"));

    [TestCaseSource(nameof(Files))]
    public void Definition_file_is_valid_against_the_post_catalog(string file)
    {
        var result = DefinitionLoader.LoadFile(file, Repo.Options);

        result.Errors.Should().BeEmpty(because: string.Join("\n", result.Errors));
        result.Definition!.Id.Should().Be(Path.GetFileNameWithoutExtension(file), "a definition file is named after its id");
    }
}
