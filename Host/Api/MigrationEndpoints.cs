using System.Security.Claims;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Store.Services;
using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

public sealed record MigrationRequestDto(
    int? FromVersion, int? ToVersion, Dictionary<string, string>? Mapping, List<string>? CaseIds, bool? AcceptDeadlineChanges);

public sealed record MigrationReportDto(
    string FlowId, int FromVersion, int ToVersion, IReadOnlyDictionary<string, string> Mapping, bool DryRun, int Moved, int NotMoved,
    IReadOnlyList<CaseMigrationResult> Cases);

public sealed record MigrationStepDto(string Id, string Name, StepKind Kind);

public sealed record MigrationPlanDto(
    string FlowId, int FromVersion, int ToVersion, IReadOnlyList<MigrationStepDto> FromSteps, IReadOnlyList<MigrationStepDto> ToSteps,
    IReadOnlyDictionary<string, string> Suggested);

/// <summary>
/// Version migration (process owners and administrators): the suggested mapping, a dry run that lists every affected case
/// with its result, and the run. The rule per case is the core's <see cref="VersionMigration"/>.
/// </summary>
public static class MigrationEndpoints
{
    public static void MapMigrations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/flows/{flowId}/migrations").WithTags("Definitions").RequireAuthorization(Policies.ProcessOwner);

        group.MapGet("/plan", async (string flowId, string? fromVersion, string? toVersion, DefinitionStore store, CancellationToken ct) =>
        {
            var (from, to, problem) = await VersionsAsync(store, flowId, Number(fromVersion), Number(toVersion), ct);
            if (problem is not null) return problem;
            return Results.Ok(new MigrationPlanDto(flowId, from!.Version, to!.Version, Steps(from), Steps(to), VersionMigration.Suggest(from, to)));
        }).Produces<MigrationPlanDto>();

        group.MapPost("/dry-run", (string flowId, MigrationRequestDto? body, DefinitionStore store, CaseMigrationService migrations,
            ClaimsPrincipal user, CancellationToken ct) => RunAsync(flowId, body, store, migrations, user, dryRun: true, ct))
            .Produces<MigrationReportDto>();

        group.MapPost("", (string flowId, MigrationRequestDto? body, DefinitionStore store, CaseMigrationService migrations,
            ClaimsPrincipal user, CancellationToken ct) => RunAsync(flowId, body, store, migrations, user, dryRun: false, ct))
            .Produces<MigrationReportDto>();
    }

    private static async Task<IResult> RunAsync(string flowId, MigrationRequestDto? body, DefinitionStore store, CaseMigrationService migrations,
        ClaimsPrincipal user, bool dryRun, CancellationToken ct)
    {
        if (body is null) return Problems.BadRequest("请提供迁移请求：{ \"fromVersion\": N, \"toVersion\": M, \"mapping\": { \"原环节\": \"新环节\" } }。");
        if (body.FromVersion is null || body.ToVersion is null) return Problems.BadRequest("请写明源版本（fromVersion）和目标版本（toVersion）。");
        if (body.CaseIds is { Count: 0 }) return Problems.BadRequest("caseIds 不能为空数组：不限定案件时请省略 caseIds。");
        if (body.CaseIds is { Count: > 1000 }) return Problems.BadRequest("caseIds 一次最多 1000 个案件。");
        var (from, to, problem) = await VersionsAsync(store, flowId, body.FromVersion, body.ToVersion, ct);
        if (problem is not null) return problem;
        var mapping = body.Mapping ?? VersionMigration.Suggest(from!, to!).ToDictionary();
        var errors = VersionMigration.CheckRequest(from!, to!, mapping);
        if (errors.Count > 0) return Problems.BadRequest(string.Join("", errors));

        var request = new MigrationRequest(flowId, from!, to!, mapping, body.CaseIds, body.AcceptDeadlineChanges ?? false);
        var actor = user.ToActor();
        var results = dryRun ? await migrations.DryRunAsync(request, actor, ct) : await migrations.RunAsync(request, actor, ct);
        return Results.Ok(new MigrationReportDto(flowId, from!.Version, to!.Version, mapping, dryRun,
            results.Count(r => r.Moved), results.Count(r => !r.Moved), results));
    }

    /// <summary>The two versions, parsed; the target must be published (a draft would put cases on an unreleased flow).</summary>
    private static async Task<(FlowDefinition? From, FlowDefinition? To, IResult? Problem)> VersionsAsync(
        DefinitionStore store, string flowId, int? fromVersion, int? toVersion, CancellationToken ct)
    {
        if (fromVersion is not > 0 || toVersion is not > 0) return (null, null, Problems.BadRequest("fromVersion 和 toVersion 应为正整数版本号。"));
        if (fromVersion == toVersion) return (null, null, Problems.BadRequest($"源版本与目标版本相同（第 {fromVersion} 版）。"));
        var fromRecord = await store.FindAsync(flowId, fromVersion, ct);
        var toRecord = await store.FindAsync(flowId, toVersion, ct);
        if (fromRecord is null || toRecord is null)
            return (null, null, Problems.NotFound($"流程“{flowId}”没有第 {(fromRecord is null ? fromVersion : toVersion)} 版。"));
        if (toRecord.Status != DefinitionStatus.Published)
            return (null, null, Problems.BadRequest($"第 {toVersion} 版尚未发布，请先发布再迁移案件。"));
        return (store.Parse(fromRecord), store.Parse(toRecord), null);
    }

    private static int? Number(string? text) => int.TryParse(text, out var n) ? n : null;

    private static IReadOnlyList<MigrationStepDto> Steps(FlowDefinition definition) =>
        definition.Steps.Where(s => s.OpensTask).Select(s => new MigrationStepDto(s.Id, s.Name, s.Kind)).ToList();
}
