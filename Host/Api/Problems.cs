using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Validation;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Server.Api;

/// <summary>Errors as RFC 7807 problem details, with the engine's reason code and, for a rule, the risk point.</summary>
public static class Problems
{
    public static int StatusOf(RefusalCode code) => code switch
    {
        RefusalCode.WrongRole => StatusCodes.Status403Forbidden,
        RefusalCode.StaleVersion => StatusCodes.Status409Conflict,
        RefusalCode.CaseClosed => StatusCodes.Status409Conflict,
        RefusalCode.NotFound or RefusalCode.UnknownTask or RefusalCode.UnknownAction => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private static string TitleOf(RefusalCode code) => code switch
    {
        RefusalCode.WrongRole => "没有办理权限",
        RefusalCode.StaleVersion => "案件已被他人更新",
        RefusalCode.CaseClosed => "案件已办结",
        RefusalCode.NotFound or RefusalCode.UnknownTask or RefusalCode.UnknownAction => "未找到",
        RefusalCode.RuleBlocked => "风险防控规则不允许办理",
        RefusalCode.MissingField or RefusalCode.InvalidData or RefusalCode.OpinionRequired => "填写内容不完整或有误",
        RefusalCode.ExtensionCapExceeded => "超过延期上限",
        _ => "当前不能办理",
    };

    public static IResult Refusal(Refused refusal) => Results.Problem(
        title: TitleOf(refusal.Code),
        detail: refusal.Message,
        statusCode: StatusOf(refusal.Code),
        extensions: new Dictionary<string, object?>
        {
            ["code"] = JsonNames.Of(refusal.Code),
            ["riskPointId"] = refusal.RiskPointId,
            ["check"] = refusal.CheckName,
        });

    public static IResult BadRequest(string detail) => Results.Problem(title: "请求内容有误", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Forbidden(string detail) => Results.Problem(title: "无权查看", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static IResult NotFound(string detail) => Results.Problem(title: "未找到", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult InvalidDefinition(IReadOnlyList<DefinitionError> errors) => Results.Json(
        new { title = "流程定义有误", status = 422, errors = errors.Select(e => new DefinitionErrorDto(e.Path, e.Line, e.Message)) },
        statusCode: StatusCodes.Status422UnprocessableEntity, contentType: "application/problem+json");
}
