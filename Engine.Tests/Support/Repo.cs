using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Tests.Calendar;

namespace WorkflowEngine.Tests.Support;

/// <summary>The repository's data: flow definitions, posts and calendars, loaded once.</summary>
internal static class Repo
{
    public static string Root => CalendarFixtures.RepositoryRoot;
    public static string FlowsDirectory => Path.Combine(Root, "Definitions", "flows");

    private static readonly Lazy<DefinitionLoadOptions> LazyOptions = new(() =>
        RiskCheckRegistry.CreateDefault().LoadOptions().WithRolesOf(Path.Combine(Root, "Definitions")));

    public static DefinitionLoadOptions Options => LazyOptions.Value;

    public static WorkCalendar Calendar => CalendarFixtures.OfficialCalendar();

    public static IEnumerable<string> FlowFiles => Directory.GetFiles(FlowsDirectory, "*.json").Order(StringComparer.Ordinal);

    public static FlowDefinition Flow(string id)
    {
        var result = DefinitionLoader.LoadFile(Path.Combine(FlowsDirectory, id + ".json"), Options);
        if (!result.IsValid) Assert.Fail($"{id}.json is invalid:\n" + string.Join("\n", result.Errors));
        return result.Definition!;
    }
}
