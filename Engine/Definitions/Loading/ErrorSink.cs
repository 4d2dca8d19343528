using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Definitions.Validation;

namespace WorkflowEngine.Engine.Definitions.Loading;

/// <summary>Collects every problem found, so that a process owner sees them all at once.</summary>
internal sealed class ErrorSink
{
    private readonly List<DefinitionError> _errors = [];

    public IReadOnlyList<DefinitionError> Errors => _errors;

    public void Add(SourceLocation at, string message) => _errors.Add(new DefinitionError(at.Path, at.Line, message));
    public void Add(JToken at, string message) => Add(LocationOf(at), message);

    /// <summary>The token's path and line; a token the loader generated (an expanded fragment) takes the line of the nearest written ancestor.</summary>
    public static SourceLocation LocationOf(JToken token)
    {
        for (JToken? at = token; at is not null; at = at.Parent)
            if (at is IJsonLineInfo info && info.HasLineInfo()) return new(token.Path, info.LineNumber);
        return new(token.Path, 0);
    }
}
