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
        var definition = token is null ? null : DefinitionReader.Read(token, sink);
        if (definition is not null)
        {
            DefinitionValidator.Validate(definition, options, sink);
            CheckBinder.Bind(definition, options.Checks, sink);
        }
        var ordered = sink.Errors.OrderBy(e => e.Line).ThenBy(e => e.Path, StringComparer.Ordinal).ToList();
        return new DefinitionLoadResult(ordered.Count == 0 ? definition : null, ordered);
    }

    public static DefinitionLoadResult LoadFile(string path, DefinitionLoadOptions options) =>
        Load(File.ReadAllText(path), options);
}
