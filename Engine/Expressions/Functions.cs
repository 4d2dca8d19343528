using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using WorkflowEngine.Engine.Expressions.Nodes;

namespace WorkflowEngine.Engine.Expressions;

/// <summary>The fixed set of built-in functions. Names are case-sensitive.</summary>
internal static class Functions
{
    private const int Unlimited = FunctionDefinition.Unlimited;

    public static readonly ImmutableArray<FunctionDefinition> All =
    [
        FunctionDefinition.Eager("len", 1, 1, "len(文本、列表或对象)", Len),
        FunctionDefinition.Eager("isEmpty", 1, 1, "isEmpty(值)", IsEmpty),
        FunctionDefinition.Eager("contains", 2, 2, "contains(列表或文本, 要找的值)", Contains),
        FunctionDefinition.Eager("startsWith", 2, 2, "startsWith(文本, 开头)", StartsWith),
        FunctionDefinition.Eager("endsWith", 2, 2, "endsWith(文本, 结尾)", EndsWith),
        new FunctionDefinition("coalesce", 1, Unlimited, "coalesce(值1, 值2, …)",
            (arguments, column) => new CoalesceNode(arguments, column)),
        FunctionDefinition.Eager("abs", 1, 1, "abs(数字)", Abs),
        FunctionDefinition.Eager("round", 2, 2, "round(数字, 小数位数)", Round),
        FunctionDefinition.Eager("min", 1, Unlimited, "min(数字1, 数字2, …) 或 min(列表)", Min),
        FunctionDefinition.Eager("max", 1, Unlimited, "max(数字1, 数字2, …) 或 max(列表)", Max),
        FunctionDefinition.Eager("sum", 1, 1, "sum(列表)", Sum),
        FunctionDefinition.Eager("count", 2, 2, "count(列表, 值)", Count),
        FunctionDefinition.Eager("days", 2, 2, "days(开始日期, 结束日期)", Days),
    ];

    private static readonly FrozenDictionary<string, FunctionDefinition> ByName =
        All.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public static string NameList { get; } = string.Join("、", All.Select(f => f.Name));

    public static bool TryGet(string name, out FunctionDefinition function) =>
        ByName.TryGetValue(name, out function!);

    /// <summary>A known function the user probably meant: same name in another case, a small typo, or a longer spelling (length → len).</summary>
    public static string? Suggest(string name) =>
        Text.EditDistance.Closest(All.Select(f => f.Name), name, maxDistance: 2)
        ?? All.FirstOrDefault(f => name.StartsWith(f.Name, StringComparison.OrdinalIgnoreCase))?.Name;

    private static Value Len(ReadOnlySpan<Value> args, ref EvaluationContext context, int column) => args[0].Kind switch
    {
        ValueKind.Null => Value.Number(0),
        ValueKind.String => Value.Number(ValueOperations.CharacterCount(args[0].AsString, ref context, column)),
        ValueKind.List => Value.Number(ValueOperations.Items(args[0]).Length),
        ValueKind.Object => Value.Number(args[0].AsObject.Count),
        _ => throw WrongArgument("len", 1, "字符串、列表或对象", args[0], column),
    };

    private static Value IsEmpty(ReadOnlySpan<Value> args, ref EvaluationContext context, int column) => Value.Bool(args[0].Kind switch
    {
        ValueKind.Null => true,
        ValueKind.String => args[0].AsString.Length == 0,
        ValueKind.List => ValueOperations.Items(args[0]).IsEmpty,
        ValueKind.Object => args[0].AsObject.IsEmpty,
        _ => false,
    });

    private static Value Contains(ReadOnlySpan<Value> args, ref EvaluationContext context, int column)
    {
        var (container, item) = (args[0], args[1]);
        return Value.Bool(ValueOperations.Contains(container, item, ref context, column) ?? throw (container.Kind == ValueKind.String
            ? WrongArgument("contains", 2, "字符串（第 1 个参数是字符串时）", item, column)
            : WrongArgument("contains", 1, "列表或字符串", container, column)));
    }

    private static Value StartsWith(ReadOnlySpan<Value> args, ref EvaluationContext context, int column) =>
        Affix("startsWith", args, ref context, column, static (text, part) => text.StartsWith(part, StringComparison.Ordinal));

    private static Value EndsWith(ReadOnlySpan<Value> args, ref EvaluationContext context, int column) =>
        Affix("endsWith", args, ref context, column, static (text, part) => text.EndsWith(part, StringComparison.Ordinal));

    private static Value Affix(string name, ReadOnlySpan<Value> args, ref EvaluationContext context, int column, Func<string, string, bool> test)
    {
        var (text, part) = (args[0], args[1]);
        if (part.Kind != ValueKind.String) throw WrongArgument(name, 2, "字符串", part, column);
        if (text.IsNull) return Value.False;
        if (text.Kind != ValueKind.String) throw WrongArgument(name, 1, "字符串", text, column);
        context.ChargeCharacters(part.AsString.Length, column);
        return Value.Bool(test(text.AsString, part.AsString));
    }

    private static Value Abs(ReadOnlySpan<Value> args, ref EvaluationContext context, int column) => args[0].Kind switch
    {
        ValueKind.Null => Value.Null,
        ValueKind.Number => Value.Number(Math.Abs(args[0].AsNumber)),
        _ => throw WrongArgument("abs", 1, "数字", args[0], column),
    };

    private static Value Round(ReadOnlySpan<Value> args, ref EvaluationContext context, int column)
    {
        var (number, digits) = (args[0], args[1]);
        if (digits.Kind != ValueKind.Number || !decimal.IsInteger(digits.AsNumber)
            || digits.AsNumber is < 0 or > ExpressionLimits.MaxRoundDigits)
            throw WrongArgument("round", 2, $"整数（0 到 {ExpressionLimits.MaxRoundDigits}）", digits, column);
        return number.Kind switch
        {
            ValueKind.Null => Value.Null,
            ValueKind.Number => Value.Number(Math.Round(number.AsNumber, (int)digits.AsNumber, MidpointRounding.AwayFromZero)),
            _ => throw WrongArgument("round", 1, "数字", number, column),
        };
    }

    private static Value Min(ReadOnlySpan<Value> args, ref EvaluationContext context, int column) =>
        Extreme("min", args, ref context, column, static (a, b) => Math.Min(a, b));

    private static Value Max(ReadOnlySpan<Value> args, ref EvaluationContext context, int column) =>
        Extreme("max", args, ref context, column, static (a, b) => Math.Max(a, b));

    /// <summary>Nulls are skipped like in <c>sum</c>; the result is null when there is no number at all.</summary>
    private static Value Extreme(string name, ReadOnlySpan<Value> args, ref EvaluationContext context, int column, Func<decimal, decimal, decimal> pick)
    {
        var fromList = args.Length == 1 && args[0].Kind == ValueKind.List;
        var values = args;
        if (fromList)
        {
            var items = ValueOperations.Items(args[0]);
            context.Charge(items.Length, column);
            values = items.AsSpan();
        }

        decimal? best = null;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value.IsNull) continue;
            if (value.Kind != ValueKind.Number) throw WrongItem(name, fromList, i, "数字", value, column);
            best = best is { } current ? pick(current, value.AsNumber) : value.AsNumber;
        }
        return best is { } result ? Value.Number(result) : Value.Null;
    }

    private static Value Sum(ReadOnlySpan<Value> args, ref EvaluationContext context, int column)
    {
        if (args[0].IsNull) return Value.Number(0);
        if (args[0].Kind != ValueKind.List) throw WrongArgument("sum", 1, "列表", args[0], column);

        var items = ValueOperations.Items(args[0]);
        context.Charge(items.Length, column);
        var total = 0m;
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].IsNull) continue;
            if (items[i].Kind != ValueKind.Number) throw WrongItem("sum", fromList: true, i, "数字", items[i], column);
            try
            {
                total += items[i].AsNumber;
            }
            catch (OverflowException)
            {
                throw EvaluationErrors.Overflow(column);
            }
        }
        return Value.Number(total);
    }

    private static Value Count(ReadOnlySpan<Value> args, ref EvaluationContext context, int column) => args[0].Kind switch
    {
        ValueKind.Null => Value.Number(0),
        ValueKind.List => Value.Number(ValueOperations.CountEqual(ValueOperations.Items(args[0]), args[1], ref context, column)),
        _ => throw WrongArgument("count", 1, "列表", args[0], column),
    };

    private static Value Days(ReadOnlySpan<Value> args, ref EvaluationContext context, int column)
    {
        var from = ParseDate(args[0], 1, column);
        var to = ParseDate(args[1], 2, column);
        return from is { } start && to is { } end ? Value.Number((end - start).Days) : Value.Null;
    }

    private static readonly string[] DateFormats = BuildDateFormats();

    private static string[] BuildDateFormats()
    {
        string[] times = ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"];
        var formats = new List<string> { "yyyy-MM-dd" };
        foreach (var separator in new[] { "T", " " })
        foreach (var time in times)
        {
            formats.Add($"yyyy-MM-dd'{separator}'{time}");
            formats.Add($"yyyy-MM-dd'{separator}'{time}K");
        }
        return [.. formats];
    }

    /// <summary>The calendar date as written (any UTC offset is ignored), or null for a null value.</summary>
    private static DateTime? ParseDate(in Value value, int position, int column)
    {
        if (value.IsNull) return null;
        if (value.Kind != ValueKind.String) throw WrongArgument("days", position, "日期字符串", value, column);
        if (!DateTimeOffset.TryParseExact(value.AsString, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var parsed))
            throw EvaluationErrors.At(column,
                $"函数 days 的第 {position} 个参数 “{Lexer.Abbreviate(value.AsString)}” 不是有效日期，应为 yyyy-MM-dd 或 yyyy-MM-ddTHH:mm:ss 格式");
        return parsed.DateTime.Date;
    }

    private static ExpressionEvaluationException WrongArgument(string function, int position, string expected, in Value actual, int column) =>
        EvaluationErrors.At(column, $"函数 {function} 的第 {position} 个参数应为{expected}，实际为{EvaluationErrors.Describe(actual)}");

    private static ExpressionEvaluationException WrongItem(string function, bool fromList, int index, string expected, in Value actual, int column) =>
        fromList
            ? EvaluationErrors.At(column, $"函数 {function} 的列表第 {index + 1} 项应为{expected}，实际为{EvaluationErrors.Describe(actual)}")
            : WrongArgument(function, index + 1, expected, actual, column);
}
