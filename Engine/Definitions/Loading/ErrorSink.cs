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

    public static SourceLocation LocationOf(JToken token) =>
        new(token.Path, token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 0);
}
