using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Text;

namespace WorkflowEngine.Engine.Definitions.Loading;

/// <summary>
/// Reads the properties of one JSON object with type checks, recording where each property was written
/// and reporting missing, mistyped and unknown properties in Chinese.
/// </summary>
internal sealed class ObjectReader
{
    private readonly JObject _object;
    private readonly ErrorSink _errors;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    private ObjectReader(JObject obj, ErrorSink errors)
    {
        _object = obj;
        _errors = errors;
        Location = ErrorSink.LocationOf(obj);
    }

    public SourceLocation Location { get; }
    public IReadOnlyDictionary<string, SourceLocation> Locations => _locations;
    public ErrorSink Errors => _errors;

    public static ObjectReader? From(JToken? token, ErrorSink errors, string what)
    {
        if (token is JObject obj) return new ObjectReader(obj, errors);
        if (token is not null) errors.Add(token, $"{what}应为 JSON 对象（{{…}}），实际为{TypeName(token)}。");
        return null;
    }

    public SourceLocation LocationOfProperty(string name) =>
        _locations.TryGetValue(name, out var at) ? at : Location.Child(name);

    /// <summary>The raw value of a property that is read without validation (the designer's layout).</summary>
    public JToken? Untyped(string name) => Take(name, false);

    private JToken? Take(string name, bool required)
    {
        _known.Add(name);
        var token = _object[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required) _errors.Add(LocationOfProperty(name), $"缺少必填属性“{name}”。");
            return null;
        }
        _locations[name] = ErrorSink.LocationOf(token);
        return token;
    }


    /// <summary>A condition, parsed as it is read so that the model is whole when loaded; a syntax error is reported in place.</summary>
    public (string? Source, Expressions.ParsedExpression? Parsed) Condition(string name, bool required = false)
    {
        var source = String(name, required);
        if (source is null) return (null, null);
        var parsed = Expressions.ExpressionParser.Parse(source);
        if (parsed.Error is { } e) _errors.Add(LocationOfProperty(name), $"条件“{source}”有误：{e.Message}");
        return (source, parsed.Expression);
    }

    /// <summary>A reference to a step: like <see cref="String"/>, but a blank value is an error, not a missing target.</summary>
    public string? StepReference(string name, bool required = false)
    {
        var value = String(name, required);
        if (value is not null && string.IsNullOrWhiteSpace(value))
            _errors.Add(LocationOfProperty(name), $"“{name}”不能为空：请写明目标环节的编号。");
        return value;
    }

    public string? String(string name, bool required = false)
    {
        var token = Take(name, required);
        if (token is null) return null;
        if (token.Type != JTokenType.String)
        {
            _errors.Add(token, $"“{name}”应为字符串，实际为{TypeName(token)}。");
            return null;
        }
        var text = (string)token!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            _errors.Add(token, $"“{name}”不能为空。");
            return null;
        }
        return text;
    }

    public int? Int(string name, bool required = false, int min = int.MinValue, int max = int.MaxValue)
    {
        var token = Take(name, required);
        if (token is null) return null;
        if (token.Type != JTokenType.Integer)
        {
            _errors.Add(token, $"“{name}”应为整数，实际为{TypeName(token)}。");
            return null;
        }
        var value = (long)token;
        if (value < min || value > max)
        {
            _errors.Add(token, $"“{name}”应在 {min} 到 {max} 之间，实际为 {value}。");
            return null;
        }
        return (int)value;
    }

    public bool Bool(string name, bool defaultValue)
    {
        var token = Take(name, false);
        if (token is null) return defaultValue;
        if (token.Type != JTokenType.Boolean)
        {
            _errors.Add(token, $"“{name}”应为 true 或 false，实际为{TypeName(token)}。");
            return defaultValue;
        }
        return (bool)token;
    }

    public Period? Period(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null) return null;
        if (Calendar.Period.TryParse(text, out var duration)) return duration;
        _errors.Add(LocationOfProperty(name),
            $"时限“{text}”格式不正确：应写作整数加单位，如“3wd”（工作日）、“7d”（自然日）或“2h”（小时），数值不超过 {Calendar.Period.MaxAmount}。");
        return null;
    }

    public T Enum<T>(string name, T defaultValue) where T : struct, Enum => EnumOrNull<T>(name, false) ?? defaultValue;

    public T? EnumOrNull<T>(string name, bool required) where T : struct, Enum
    {
        var text = String(name, required);
        if (text is null) return null;
        var values = JsonNames.All<T>();
        if (values.TryGetValue(text, out var value)) return value;
        _errors.Add(LocationOfProperty(name), $"“{name}”的值“{text}”无效，可选值：{string.Join("、", values.Keys)}。");
        return null;
    }

    public IReadOnlyList<string> StringList(string name, bool required = false)
    {
        var token = Take(name, required);
        if (token is null) return [];
        if (token is not JArray array)
        {
            _errors.Add(token, $"“{name}”应为字符串数组（[\"…\"]），实际为{TypeName(token)}。");
            return [];
        }
        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item.Type == JTokenType.String) result.Add((string)item!);
            else _errors.Add(item, $"“{name}”的元素应为字符串，实际为{TypeName(item)}。");
        }
        if (required && result.Count == 0) _errors.Add(token, $"“{name}”不能为空数组。");
        return result;
    }

    public ObjectReader? Object(string name, bool required = false) =>
        Take(name, required) is { } token ? From(token, _errors, $"“{name}”") : null;

    public IReadOnlyList<ObjectReader> Objects(string name, bool required = false)
    {
        var token = Take(name, required);
        if (token is null) return [];
        if (token is not JArray array)
        {
            _errors.Add(token, $"“{name}”应为数组（[…]），实际为{TypeName(token)}。");
            return [];
        }
        if (required && array.Count == 0) _errors.Add(token, $"“{name}”不能为空数组。");
        return array.Select(item => From(item, _errors, $"“{name}”的元素")).OfType<ObjectReader>().ToList();
    }

    public JObject? RawObject(string name)
    {
        var token = Take(name, false);
        if (token is null) return null;
        if (token is JObject obj) return obj;
        _errors.Add(token, $"“{name}”应为 JSON 对象，实际为{TypeName(token)}。");
        return null;
    }

    public ImmutableDictionary<string, Expressions.Value> ValueMap(string name)
    {
        var obj = RawObject(name);
        return obj is null ? ImmutableDictionary<string, Expressions.Value>.Empty : Expressions.Value.FromJToken(obj).AsObject;
    }

    /// <summary>Gives the element read from this object its source locations, then reports the properties nobody read.</summary>
    public T Finish<T>(T element) where T : DefinitionElement
    {
        element.Location = Location;
        element.PropertyLocations = Locations;
        RejectUnknownProperties();
        return element;
    }

    /// <summary>Reports every property that no reader asked for: usually a typo.</summary>
    public void RejectUnknownProperties()
    {
        foreach (var property in _object.Properties())
        {
            if (_known.Contains(property.Name)) continue;
            var hint = EditDistance.Closest(_known, property.Name, maxDistance: 3) is { } suggestion
                ? $"是否应为“{suggestion}”？"
                : $"可用属性：{string.Join("、", _known)}。";
            _errors.Add(property, $"未知属性“{property.Name}”，{hint}");
        }
    }

    private static string TypeName(JToken token) => token.Type switch
    {
        JTokenType.Object => "对象",
        JTokenType.Array => "数组",
        JTokenType.Integer => "整数",
        JTokenType.Float => "小数",
        JTokenType.String => "字符串",
        JTokenType.Boolean => "布尔值",
        JTokenType.Null => "null",
        _ => token.Type.ToString(),
    };
}
