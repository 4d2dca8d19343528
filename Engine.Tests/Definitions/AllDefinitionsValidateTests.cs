using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Definitions;

public class AllDefinitionsValidateTests
{
    private static IEnumerable<TestCaseData> Files() =>
        Repo.FlowFiles.Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetFileName(f)));

    [TestCaseSource(nameof(Files))]
    public void Definition_file_is_valid_against_the_post_catalog(string file)
    {
        var result = DefinitionLoader.LoadFile(file, Repo.Options);

        result.Errors.Should().BeEmpty(because: string.Join("\n", result.Errors));
        result.Definition!.Id.Should().Be(Path.GetFileNameWithoutExtension(file), "a definition file is named after its id");
    }

    [TestCaseSource(nameof(Files))]
    public void Definition_names_a_line_of_a_source_document_in_the_repository(string file)
    {
        var source = DefinitionLoader.LoadFile(file, Repo.Options).Definition!.Source;

        source.Should().NotBeNull("every flow is encoded from the manual");
        var document = Path.Combine(Repo.Root, "Definitions", "source", source!.File);
        File.Exists(document).Should().BeTrue($"{source.File} is kept in Definitions/source");
        source.Line.Should().BeInRange(1, File.ReadLines(document).Count());
    }
}
