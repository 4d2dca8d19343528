namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>Where an element or property was written in the definition's JSON.</summary>
public readonly record struct SourceLocation(string Path, int Line)
{
    public static readonly SourceLocation None = new("", 0);
}

/// <summary>Base of every definition element: keeps the locations of its properties for error messages.</summary>
public abstract class DefinitionElement
{
    public SourceLocation Location { get; init; } = SourceLocation.None;
    public IReadOnlyDictionary<string, SourceLocation> PropertyLocations { get; init; } =
        new Dictionary<string, SourceLocation>();

    /// <summary>The location of a property, or of the element itself when the property was not written.</summary>
    public SourceLocation At(string property) =>
        PropertyLocations.TryGetValue(property, out var location) ? location
        : Location with { Path = Location.Path.Length == 0 ? property : $"{Location.Path}.{property}" };
}
