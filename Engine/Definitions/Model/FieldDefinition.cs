namespace WorkflowEngine.Engine.Definitions.Model;

public enum FieldType { Text, Number, Date, Boolean, Choice, List, Materials }

/// <summary>An item of a materials checklist (申报材料).</summary>
public sealed record MaterialItem(string Id, string Name, bool Required);

/// <summary>A typed piece of case data; the intake form is generated from these.</summary>
public sealed class FieldDefinition : DefinitionElement
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public required FieldType Type { get; init; }
    /// <summary>Required when the case is started (on the intake form).</summary>
    public bool Required { get; init; }
    public IReadOnlyList<string> Options { get; init; } = [];
    public IReadOnlyList<MaterialItem> Items { get; init; } = [];
    public string? Description { get; init; }
    /// <summary>
    /// For a confidential field (举报人 and the like), the posts that may read its value; null when the field is not
    /// confidential. Supervisors always may; everyone else sees it redacted (see <c>CaseDisclosure</c>).
    /// </summary>
    public IReadOnlyList<string>? VisibleTo { get; init; }
    public bool Confidential => VisibleTo is not null;
}
