namespace WorkflowEngine.Engine.Definitions.Model;

public enum FieldType { Text, Number, Date, Boolean, Choice, List, Materials }

/// <summary>
/// An item of a materials checklist (申报材料). With <paramref name="RequiredWhen"/> the item is required only while that
/// condition on the case data holds (e.g. the report on a central air-conditioning system, for premises that use one).
/// </summary>
public sealed record MaterialItem(string Id, string Name, bool Required, string? RequiredWhen = null)
{
    /// <summary>The parsed <see cref="RequiredWhen"/>; internal so that it is never serialized with the item.</summary>
    internal Expressions.ParsedExpression? Condition { get; init; }

    /// <summary>Whether the item is required with the case data as it stands; a condition that cannot be computed counts as required.</summary>
    public bool IsRequired(Expressions.ExpressionScope scope)
    {
        if (Condition is not { } condition) return Required;
        try
        {
            return condition.EvaluateCondition(scope);
        }
        catch (Expressions.ExpressionEvaluationException)
        {
            return true;
        }
    }
}

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
