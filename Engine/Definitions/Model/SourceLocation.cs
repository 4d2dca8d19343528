namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>Where an element or property was written in the definition's JSON.</summary>
public readonly record struct SourceLocation(string Path, int Line)
{
    public static readonly SourceLocation None = new("", 0);

    /// <summary>A property of the element written here, at the same line.</summary>
    public SourceLocation Child(string name) => this with { Path = Path.Length == 0 ? name : $"{Path}.{name}" };
}

/// <summary>Base of every definition element: keeps the locations of its properties for error messages.</summary>
public abstract class DefinitionElement
{
    public SourceLocation Location { get; internal set; } = SourceLocation.None;
    public IReadOnlyDictionary<string, SourceLocation> PropertyLocations { get; internal set; } =
        new Dictionary<string, SourceLocation>();

    /// <summary>The location of a property, or of the element itself when the property was not written.</summary>
    public SourceLocation At(string property) =>
        PropertyLocations.TryGetValue(property, out var location) ? location : Location.Child(property);
}
