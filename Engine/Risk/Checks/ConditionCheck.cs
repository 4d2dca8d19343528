using WorkflowEngine.Engine.Definitions.Validation;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Risk.Checks;

/// <summary>A condition on the case data written in the expression language, with the message to show.</summary>
public sealed class ConditionCheck : IRiskCheck
{
    public string Name => "condition";
    public string Description => "案件数据满足条件表达式";
    public string Title => "条件检查";
    IReadOnlyList<RiskCheckParameter> IRiskCheck.Parameters => ParameterList;

    private static readonly RiskCheckParameter[] ParameterList =
    [
        new("expression", "条件", RiskCheckParameterType.Expression, true),
        new("message", "不满足时的提示", RiskCheckParameterType.Text, true),
    ];

    private sealed record Parameters(ParsedExpression Expression, string Message);

    public object? ParseParameters(RiskCheckSetup setup)
    {
        var expression = setup.Expression("expression");
        var message = setup.String("message");
        return expression is null || message is null ? null : new Parameters(expression, message);
    }

    public RiskCheckResult Evaluate(RiskCheckContext context, object? parameters)
    {
        var p = (Parameters)parameters!;
        try
        {
            return p.Expression.EvaluateCondition(context.ExpressionScope) ? RiskCheckResult.Pass : RiskCheckResult.Fail(p.Message);
        }
        catch (ExpressionEvaluationException e)
        {
            return RiskCheckResult.Fail($"{p.Message}（条件无法计算：{e.Message}）");
        }
    }
}
