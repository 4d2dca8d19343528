using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Risk.Checks;

/// <summary>Reads a materials checklist value: the list of ticked item ids (names are accepted too).</summary>
internal static class MaterialsValue
{
    public static bool Mentions(Value list, MaterialItem item) =>
        list.Kind == ValueKind.List && list.AsList.Any(v => v.Kind == ValueKind.String && (v.AsString == item.Id || v.AsString == item.Name));

    /// <summary>The items required with the data as it stands (conditional ones only while their condition holds) and not ticked.</summary>
    public static IReadOnlyList<MaterialItem> Unchecked(FieldDefinition field, Value value, ExpressionScope scope) =>
        field.Items.Where(i => i.IsRequired(scope) && !Mentions(value, i)).ToList();
}
