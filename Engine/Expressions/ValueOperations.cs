using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Expressions;

/// <summary>Operations on values shared by operators and functions, charging their work to the step budget.</summary>
internal static class ValueOperations
{
    /// <summary>Deep structural equality; different kinds are unequal. Same result as <see cref="Value.Equals(Value)"/>.</summary>
    public static bool DeepEquals(in Value a, in Value b, ref EvaluationContext context, int column) =>
        DeepEquals(a, b, ref context, column, depth: 0);

    private static bool DeepEquals(in Value a, in Value b, ref EvaluationContext context, int column, int depth)
    {
        if (a.Kind != b.Kind) return false;
        switch (a.Kind)
        {
            case ValueKind.Null:
                return true;
            case ValueKind.Boolean:
                return a.AsBoolean == b.AsBoolean;
            case ValueKind.Number:
                return a.AsNumber == b.AsNumber;
            case ValueKind.String:
                var (left, right) = (a.AsString, b.AsString);
                if (left.Length != right.Length) return false;
                context.ChargeCharacters(left.Length, column);
                return string.Equals(left, right, StringComparison.Ordinal);
        }

        if (depth >= ExpressionLimits.MaxDataDepth)
            throw EvaluationErrors.At(column, $"数据嵌套超过 {ExpressionLimits.MaxDataDepth} 层，无法比较");

        if (a.Kind == ValueKind.List)
        {
            var (leftItems, rightItems) = (Items(a), Items(b));
            if (leftItems.Length != rightItems.Length) return false;
            for (var i = 0; i < leftItems.Length; i++)
            {
                context.Step(column);
                if (!DeepEquals(leftItems[i], rightItems[i], ref context, column, depth + 1)) return false;
            }
            return true;
        }

        var (leftFields, rightFields) = (a.AsObject, b.AsObject);
        if (leftFields.Count != rightFields.Count) return false;
        foreach (var (key, leftValue) in leftFields)
        {
            context.Step(column);
            if (!rightFields.TryGetValue(key, out var rightValue)
                || !DeepEquals(leftValue, rightValue, ref context, column, depth + 1))
                return false;
        }
        return true;
    }

    /// <summary>The items of a list value; a default (uninitialised) array counts as empty.</summary>
    public static ImmutableArray<Value> Items(in Value list)
    {
        var items = list.AsList;
        return items.IsDefault ? ImmutableArray<Value>.Empty : items;
    }

    /// <summary>
    /// Whether a list holds the item (deep equality) or a string holds it as a substring. A null container holds
    /// nothing, nor does a string hold null. Null when the kinds do not fit, for the caller to word the error.
    /// </summary>
    public static bool? Contains(in Value container, in Value item, ref EvaluationContext context, int column)
    {
        switch (container.Kind)
        {
            case ValueKind.Null:
                return false;
            case ValueKind.List:
                var items = Items(container);
                context.Charge(items.Length, column);
                foreach (var candidate in items)
                    if (DeepEquals(candidate, item, ref context, column)) return true;
                return false;
            case ValueKind.String when item.IsNull:
                return false;
            case ValueKind.String when item.Kind == ValueKind.String:
                context.ChargeCharacters(container.AsString.Length, column);
                return container.AsString.Contains(item.AsString, StringComparison.Ordinal);
            default:
                return null;
        }
    }

    public static int CountEqual(ImmutableArray<Value> items, in Value item, ref EvaluationContext context, int column)
    {
        context.Charge(items.Length, column);
        var count = 0;
        foreach (var candidate in items)
            if (DeepEquals(candidate, item, ref context, column)) count++;
        return count;
    }

    /// <summary>Length in Unicode characters, so that a rare CJK character outside the BMP counts once.</summary>
    public static int CharacterCount(string text, ref EvaluationContext context, int column)
    {
        context.ChargeCharacters(text.Length, column);
        var count = text.Length;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (char.IsSurrogatePair(text[i], text[i + 1]))
            {
                count--;
                i++;
            }
        }
        return count;
    }
}
