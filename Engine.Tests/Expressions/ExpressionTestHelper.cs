using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Tests.Expressions;

internal static class ExpressionTestHelper
{
    public static ParsedExpression Parse(string source)
    {
        var result = ExpressionParser.Parse(source);
        result.Error.Should().BeNull($"“{source}” should parse");
        result.Success.Should().BeTrue();
        return result.Expression!;
    }

    public static ExpressionError ParseError(string source)
    {
        var result = ExpressionParser.Parse(source);
        result.Success.Should().BeFalse($"“{source}” should not parse");
        result.Expression.Should().BeNull();
        return result.Error!;
    }

    /// <summary>Case data from a JSON object literal (single quotes allowed), e.g. <c>{ amount: 30000 }</c>.</summary>
    public static IReadOnlyDictionary<string, Value> Data(string json = "{}") =>
        JObject.Parse(json).Properties().ToDictionary(p => p.Name, p => Value.FromJToken(p.Value));

    public static Value Json(string json) => Value.FromJToken(JToken.Parse(json));

    public static Value Eval(string source, string json = "{}") => Parse(source).Evaluate(Data(json));

    public static Value Eval(string source, IReadOnlyDictionary<string, Value> data) => Parse(source).Evaluate(data);

    /// <summary>Asserts that evaluation fails and returns the message.</summary>
    public static string EvalError(string source, string json = "{}") => EvalError(source, Data(json));

    public static string EvalError(string source, IReadOnlyDictionary<string, Value> data)
    {
        var expression = Parse(source);
        var act = () => expression.Evaluate(data);
        return act.Should().Throw<ExpressionEvaluationException>().Which.Message;
    }
}
