using WorkflowEngine.Server.Audit;

namespace WorkflowEngine.Server.Api;

public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        // The tamper check of every case (history chains, anchors, state hashes, anchor signatures); supervisors and administrators.
        app.MapGet("/api/audit/verify", async (string? limit, CaseAudit audit, CancellationToken ct) =>
        {
            var (size, error) = Paging.Limit(limit);
            return error ?? Results.Ok(await audit.VerifyAllAsync(size, ct));
        }).WithTags("Audit").RequireAuthorization(Policies.Supervisor).Produces<AuditSummary>();
    }
}
