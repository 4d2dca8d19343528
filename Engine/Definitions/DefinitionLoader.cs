using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Definitions.Validation;

namespace WorkflowEngine.Engine.Definitions;

/// <summary>The result of loading a definition: the definition only when there were no errors.</summary>
public sealed record DefinitionLoadResult(FlowDefinition? Definition, IReadOnlyList<DefinitionError> Errors)
{
    public bool IsValid => Definition is not null;
}

/// <summary>Reads and validates definition JSON. An invalid definition is never returned.</summary>
public static class DefinitionLoader
{
    public static DefinitionLoadResult Load(string json, DefinitionLoadOptions options)
    {
        var sink = new ErrorSink();
        var token = DefinitionReader.Parse(json, sink);
        if (token is not null) HearingFragment.Expand(token, sink);
        var definition = token is null ? null : DefinitionReader.Read(token, sink);
        if (definition is not null)
        {
            DefinitionValidator.Validate(definition, options, sink);
            CheckBinder.Bind(definition, options.Checks, sink);
        }
        var ordered = sink.Errors.OrderBy(e => e.Line).ThenBy(e => e.Path, StringComparer.Ordinal).ToList();
        return new DefinitionLoadResult(ordered.Count == 0 ? definition : null, ordered);
    }

    /// <summary>
    /// The definition JSON with its fragments (the <c>hearing</c> step kind) expanded into the ordinary steps the runtime
    /// runs, so that a flowchart or designer shows exactly those steps; JSON that does not parse is returned unchanged.
    /// </summary>
    public static string Expand(string json)
    {
        var sink = new ErrorSink();
        var token = DefinitionReader.Parse(json, sink);
        return token is not null && HearingFragment.Expand(token, sink) ? token.ToString(Newtonsoft.Json.Formatting.Indented) : json;
    }

    public static DefinitionLoadResult LoadFile(string path, DefinitionLoadOptions options) =>
        Load(File.ReadAllText(path), options);
}
