using System.Security.Claims;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

/// <summary>
/// 转办, 加签 and 督办 on one case: each runs as a command through the runtime, which decides who may (the same gates the
/// outlook shows); a case outside the caller's scope is 404 as for every case route.
/// </summary>
public static class HandoverEndpoints
{
    public static void MapHandover(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{id}").WithTags("Hand-overs");

        group.MapPost("/tasks/{taskId}/transfer", (string id, string taskId, TransferRequest request, HttpContext http) =>
            string.IsNullOrWhiteSpace(request.ToUserId)
                ? Task.FromResult(Problems.BadRequest("请指定转办对象（toUserId）。"))
                : CaseEndpoints.Execute(http, id, new TransferTask(taskId, request.ToUserId.Trim(), request.Reason ?? ""))).Produces<CaseDto>();

        group.MapPost("/tasks/{taskId}/add-signer", (string id, string taskId, AddSignerRequest request, HttpContext http) =>
        {
            SignerPosition? position = request.Position switch { "before" => SignerPosition.Before, "after" => SignerPosition.After, _ => null };
            if (position is null) return Task.FromResult(Problems.BadRequest("position 应为 before（前置加签）或 after（后置加签）。"));
            if (string.IsNullOrWhiteSpace(request.UserId)) return Task.FromResult(Problems.BadRequest("请指定加签人（userId）。"));
            return CaseEndpoints.Execute(http, id, new AddSigner(taskId, request.UserId.Trim(), position.Value, request.Reason ?? ""));
        }).Produces<CaseDto>();

        group.MapPost("/tasks/{taskId}/sign", (string id, string taskId, SignRequest request, HttpContext http) =>
            request.Decision is "agree" or "return"
                ? CaseEndpoints.Execute(http, id, new SignTask(taskId, request.Decision == "agree", request.Opinion ?? ""))
                : Task.FromResult(Problems.BadRequest("decision 应为 agree（同意）或 return（退回）。"))).Produces<CaseDto>();

        // 督办: who may urge is the core's rule (UrgeRight), from what the organisation says the caller oversees.
        group.MapPost("/urges", (string id, UrgeRequest request, HttpContext http, CaseViews views, ClaimsPrincipal user) =>
        {
            if (request.ReplyBy is not { } replyBy) return Task.FromResult(Problems.BadRequest("请填写答复期限（replyBy），如 2026-03-05T17:00:00+08:00。"));
            var command = new UrgeCase(string.IsNullOrWhiteSpace(request.TaskId) ? null : request.TaskId.Trim(), request.Message ?? "", replyBy)
                { Oversight = views.OversightOf(user.ToActor()) };
            return CaseEndpoints.Execute(http, id, command);
        }).Produces<CaseDto>();
    }
}
