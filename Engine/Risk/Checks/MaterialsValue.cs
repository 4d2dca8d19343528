using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Risk.Checks;

/// <summary>Reads a materials checklist value: the list of ticked item ids (names are accepted too).</summary>
internal static class MaterialsValue
{
    public static bool Mentions(Value list, MaterialItem item) =>
        list.Kind == ValueKind.List && list.AsList.Any(v => v.Kind == ValueKind.String && (v.AsString == item.Id || v.AsString == item.Name));

    public static IReadOnlyList<MaterialItem> Unchecked(FieldDefinition field, Value value) =>
        field.Items.Where(i => i.Required && !Mentions(value, i)).ToList();
}
