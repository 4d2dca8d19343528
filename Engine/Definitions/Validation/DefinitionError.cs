namespace WorkflowEngine.Engine.Definitions.Validation;

/// <summary>One problem in a definition: where it is (JSON path, 1-based line) and what to change (Chinese).</summary>
public sealed record DefinitionError(string Path, int Line, string Message)
{
    public override string ToString() => $"{(Path.Length == 0 ? "$" : Path)} (第 {Line} 行): {Message}";
}
