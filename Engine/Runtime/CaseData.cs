using System.Collections.Immutable;
using System.Globalization;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>Checks submitted case data against the definition's typed fields.</summary>
internal static class CaseData
{
    public static bool HasValue(Value v) => v.Kind switch
    {
        ValueKind.Null => false,
        ValueKind.String => !string.IsNullOrWhiteSpace(v.AsString),
        ValueKind.List => v.AsList.Length > 0,
        _ => true,
    };

    public static void Validate(FlowDefinition definition, ImmutableDictionary<string, Value> data)
    {
        foreach (var (key, value) in data)
        {
            var field = definition.FindField(key)
                ?? throw Refuse.Because(RefusalCode.InvalidData, $"未知字段“{key}”：本流程没有这个字段。");
            if (value.IsNull) continue;
            var problem = Problem(field, value);
            if (problem is not null) throw Refuse.Because(RefusalCode.InvalidData, $"字段“{field.Label}”（{field.Id}）{problem}");
        }
    }

    /// <summary>The longest text a field, a list item or an opinion may hold: a case file, not a document store.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>An opinion, a reason or a written view: at most <see cref="MaxTextLength"/> characters.</summary>
    public static void RequireShortText(string? text, string what)
    {
        if (text is { Length: > MaxTextLength })
            throw Refuse.Because(RefusalCode.InvalidData, $"{what}不能超过 {MaxTextLength} 字（现为 {text.Length} 字）。");
    }

    private static bool TooLong(Value value) => value.Kind switch
    {
        ValueKind.String => value.AsString.Length > MaxTextLength,
        ValueKind.List => value.AsList.Length > 200 || value.AsList.Any(TooLong),
        _ => false,
    };

    private static string? Problem(FieldDefinition field, Value value) => TooLong(value)
        ? $"过长：文本不能超过 {MaxTextLength} 字，列表不能超过 200 项。"
        : field.Type switch
    {
        FieldType.Text when value.Kind != ValueKind.String => "应为文本。",
        FieldType.Number when value.Kind != ValueKind.Number => "应为数字。",
        FieldType.Boolean when value.Kind != ValueKind.Boolean => "应为是或否（true/false）。",
        FieldType.Date when value.Kind != ValueKind.String
            || !DateOnly.TryParseExact(value.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            => "应为日期，格式 yyyy-MM-dd。",
        FieldType.Choice when value.Kind != ValueKind.String || !field.Options.Contains(value.AsString)
            => $"应为以下之一：{string.Join("、", field.Options)}。",
        FieldType.List when value.Kind != ValueKind.List || value.AsList.Any(v => v.Kind != ValueKind.String)
            => "应为文本列表。",
        FieldType.Materials when value.Kind != ValueKind.List
            || value.AsList.Any(v => v.Kind != ValueKind.String || field.Items.All(i => i.Id != v.AsString && i.Name != v.AsString))
            => $"应为材料编号的列表，可选：{string.Join("、", field.Items.Select(i => i.Id))}。",
        _ => null,
    };

    public static void RequireAtStart(FlowDefinition definition, ImmutableDictionary<string, Value> data)
    {
        var missing = definition.Fields.Where(f => f.Required && !HasValue(data.GetValueOrDefault(f.Id))).ToList();
        if (missing.Count > 0)
            throw Refuse.Because(RefusalCode.MissingField, $"缺少必填项：{string.Join("、", missing.Select(f => f.Label))}。");
    }

    public static void RequireForAction(FlowDefinition definition, ActionDefinition action, ImmutableDictionary<string, Value> data)
    {
        var missing = action.Requires.Where(id => !HasValue(data.GetValueOrDefault(id))).ToList();
        if (missing.Count > 0)
            throw Refuse.Because(RefusalCode.MissingField,
                $"办理“{action.Name}”须先填写：{string.Join("、", missing.Select(id => definition.FindField(id)?.Label ?? id))}。");
    }

    public static ImmutableDictionary<string, Value> Merge(ImmutableDictionary<string, Value> data, ImmutableDictionary<string, Value> delta) =>
        delta.Count == 0 ? data : data.SetItems(delta);
}
