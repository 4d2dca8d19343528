using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Server.Api;

public sealed record ConditionTextRequest(string? Expression);

public sealed record ConditionTreeResponse(bool Representable, ConditionTree? Tree, string? Reason);

public sealed record ConditionTextResponse(string Expression);

/// <summary>
/// The designer's condition builder: text ↔ tree through the core's parser (one reading of a condition).
/// Process owners only, like the designer itself; no case is touched.
/// </summary>
public static class ExpressionEndpoints
{
    public static void MapExpressions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/expressions").WithTags("Definitions").RequireAuthorization(Policies.ProcessOwner);

        group.MapPost("/builder", (ConditionTextRequest request) =>
        {
            if (string.IsNullOrWhiteSpace(request.Expression)) return Results.Ok(new ConditionTreeResponse(true, ConditionTree.Group("and", []), null));
            var result = ConditionBuilder.ToTree(request.Expression);
            return Results.Ok(new ConditionTreeResponse(result.Representable, result.Tree, result.Reason));
        }).Produces<ConditionTreeResponse>();

        group.MapPost("/format", (ConditionTree tree) =>
        {
            var result = ConditionBuilder.ToExpression(tree);
            return result.Expression is null ? Problems.BadRequest($"条件不能写成表达式：{result.Error}") : Results.Ok(new ConditionTextResponse(result.Expression));
        }).Produces<ConditionTextResponse>();
    }
}
