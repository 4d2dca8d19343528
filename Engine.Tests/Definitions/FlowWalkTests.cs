using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Definitions;

/// <summary>Every definition is driven through every action to every end (see <see cref="FlowWalker"/>).</summary>
public class FlowWalkTests
{
    private static IEnumerable<TestCaseData> Files() =>
        Repo.FlowFiles.Select(f => new TestCaseData(f).SetName($"Walks {Path.GetFileName(f)}"));

    [TestCaseSource(nameof(Files))]
    public void Every_action_and_every_end_is_reached_and_every_case_ends(string file)
    {
        var definition = DefinitionLoader.LoadFile(file, Repo.Options).Definition!;
        var walker = new FlowWalker(definition).Run();

        walker.Problems.Should().BeEmpty();
        walker.AllMoves.Except(walker.Covered).Should().BeEmpty("every action must be reachable and taken");
        walker.EndsReached.Should().BeEquivalentTo(definition.Steps.OfType<EndStep>().Select(s => s.Id), "every end must be reachable");
    }

    [TestCaseSource(nameof(Files))]
    public void Every_step_an_official_handles_has_a_time_limit(string file)
    {
        var definition = DefinitionLoader.LoadFile(file, Repo.Options).Definition!;

        definition.Steps
            .Where(s => s is TaskStep or VoteStep && !s.Clock.Pauses && s.TimeLimit is null)
            .Select(s => s.Id)
            .Should().BeEmpty("each step's 办理时限 comes from the manual, a statute or the 限时办结 default; only steps that pause the clock (the applicant's time) may have none");
    }
}
