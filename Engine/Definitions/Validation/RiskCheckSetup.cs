using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Definitions.Validation;

/// <summary>What a check sees when its parameters are validated, with helpers that report errors in place.</summary>
public sealed class RiskCheckSetup
{
    private readonly ErrorSink _errors;

    internal RiskCheckSetup(FlowDefinition definition, StepDefinition step, RiskCheckBinding binding, ErrorSink errors)
    {
        Definition = definition;
        Step = step;
        Binding = binding;
        _errors = errors;
    }

    public FlowDefinition Definition { get; }
    public StepDefinition Step { get; }
    public RiskCheckBinding Binding { get; }
    public JObject Parameters => Binding.Parameters;

    public void Error(string parameter, string message)
    {
        var token = Parameters[parameter];
        _errors.Add(token is not null ? ErrorSink.LocationOf(token) : Binding.At("params"), $"检查“{Binding.CheckName}”：{message}");
    }

    /// <summary>A problem with the binding as a whole rather than one parameter.</summary>
    public void Problem(string message) =>
        _errors.Add(Binding.Location, $"检查“{Binding.CheckName}”：{message}");

    public string? String(string parameter, bool required = true)
    {
        var token = Parameters[parameter];
        if (token?.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string?)token)) return (string)token!;
        if (token is not null || required) Error(parameter, $"参数“{parameter}”应为非空字符串。");
        return null;
    }

    public decimal? Number(string parameter, bool required = true)
    {
        var token = Parameters[parameter];
        if (token?.Type is JTokenType.Integer or JTokenType.Float) return (decimal)token;
        if (token is not null || required) Error(parameter, $"参数“{parameter}”应为数字。");
        return null;
    }

    /// <summary>An optional true/false parameter; absent means <paramref name="fallback"/>.</summary>
    public bool Boolean(string parameter, bool fallback = false)
    {
        var token = Parameters[parameter];
        if (token is null) return fallback;
        if (token.Type == JTokenType.Boolean) return (bool)token;
        Error(parameter, $"参数“{parameter}”应为 true 或 false。");
        return fallback;
    }

    /// <summary>A case-data field of one of the given types.</summary>
    public FieldDefinition? Field(string parameter, params FieldType[] types)
    {
        var id = String(parameter);
        if (id is null) return null;
        var field = Definition.FindField(id);
        if (field is null)
        {
            Error(parameter, $"字段“{id}”未在“fields”中定义。");
            return null;
        }
        if (types.Length > 0 && !types.Contains(field.Type))
        {
            Error(parameter, $"字段“{id}”的类型应为 {string.Join(" 或 ", types.Select(JsonNames.Of))}。");
            return null;
        }
        return field;
    }

    public StepDefinition? StepRef(string parameter, StepKind? kind = null)
    {
        var id = String(parameter);
        if (id is null) return null;
        var step = Definition.FindStep(id);
        if (step is null) Error(parameter, $"环节“{id}”不存在。");
        else if (kind is not null && step.Kind != kind) Error(parameter, $"环节“{id}”应为 {JsonNames.Of(kind.Value)} 类型。");
        else return step;
        return null;
    }

    public IReadOnlyList<StepDefinition> StepRefs(string parameter)
    {
        var token = Parameters[parameter];
        if (token is not JArray array || array.Count == 0 || array.Any(t => t.Type != JTokenType.String))
        {
            Error(parameter, $"参数“{parameter}”应为环节编号的非空数组。");
            return [];
        }
        var steps = new List<StepDefinition>();
        foreach (var id in array.Select(t => (string)t!))
        {
            var step = Definition.FindStep(id);
            if (step is null) Error(parameter, $"环节“{id}”不存在。");
            else steps.Add(step);
        }
        return steps;
    }

    public ParsedExpression? Expression(string parameter)
    {
        var source = String(parameter);
        if (source is null) return null;
        var parsed = ExpressionParser.Parse(source);
        if (parsed.Error is { } e)
        {
            Error(parameter, $"条件表达式有误：{e.Message}");
            return null;
        }
        return parsed.Expression;
    }
}
