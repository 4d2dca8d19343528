using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Store.Services;
using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

public static partial class CaseEndpoints
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{6}$")]
    private static partial System.Text.RegularExpressions.Regex WholeCaseNo();

    public static void MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases");

        group.MapPost("", async (StartCaseRequest request, CaseService cases, CaseViews views, ClaimsPrincipal user,
            WorkflowEngine.Server.Organisation.Staffing staffing, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.DefinitionId)) return Problems.BadRequest("请指定流程（definitionId）。");
            var (data, error) = JsonData.ToValues(request.Data);
            if (error is not null) return Problems.BadRequest(error);
            if (await staffing.CheckStartAsync(request.DefinitionId, data, user.ToActor(), ct) is { } vacant)
                return Results.Problem(title: "岗位无人在岗", detail: vacant, statusCode: StatusCodes.Status422UnprocessableEntity,
                    extensions: new Dictionary<string, object?> { ["code"] = "post-vacant" });
            var result = await cases.StartAsync(request.DefinitionId, data, user.ToActor(), ct);
            if (result.Outcome is Refused refused) return Problems.Refusal(refused);
            var view = views.Build(result, user.ToActor());
            return Results.Created($"/api/cases/{view.Id}", view);
        }).Produces<CaseDto>(StatusCodes.Status201Created);

        // Case search, newest first; paged by keyset on (started_at, id) descending.
        group.MapGet("", async (string? status, string? definitionId, string? q, string? limit, string? cursor,
            IDbContextFactory<WorkflowDbContext> dbFactory, UserDirectory directory, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (size, limitError) = Paging.Limit(limit);
            if (limitError is not null) return limitError;
            var (key, cursorError) = Paging.Cursor(cursor, 2);
            if (cursorError is not null) return cursorError;
            if (key is not null && !Paging.Valid(key, k => (Paging.Instant(k[0])!.Value, k[1]!))) return Paging.BadCursor();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var viewer = user.ToActor();
            var query = db.Cases.AsNoTracking().VisibleTo(db, directory.ScopeOf(viewer, clock.GetUtcNow()), directory.OverseenBy(viewer.Id));
            if (!string.IsNullOrEmpty(status)) query = query.Where(c => c.Status == status);
            if (!string.IsNullOrEmpty(definitionId)) query = query.Where(c => c.DefinitionId == definitionId);
            if (!string.IsNullOrWhiteSpace(q))
            {
                // A whole case number is looked up by its unique index; other text is searched in numbers and titles.
                var text = q.Trim();
                query = WholeCaseNo().IsMatch(text) ? query.Where(c => c.CaseNo == text) : query.Where(c => c.CaseNo.Contains(text) || c.Title.Contains(text));
            }
            if (key is not null)
            {
                var started = Paging.Instant(key[0])!.Value;
                var id = key[1]!;
                query = query.Where(c => c.StartedAt <= started && (c.StartedAt < started || string.Compare(c.Id, id) < 0));
            }
            var cases = await query.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Take(size + 1)
                .Select(c => new { c.Id, c.CaseNo, c.Title, c.DefinitionId, c.DefinitionVersion, c.Status, c.Outcome, c.StartedAt, c.ClosedAt, c.Version })
                .ToListAsync(ct);
            var next = cases.Count > size ? Paging.Encode(Paging.Ticks(cases[size - 1].StartedAt), cases[size - 1].Id) : null;
            if (cases.Count > size) cases.RemoveAt(size);
            var ids = cases.Select(c => c.Id).ToList();
            var deadlines = (await db.Deadlines.AsNoTracking().Where(d => ids.Contains(d.CaseId)).ToListAsync(ct)).ToLookup(d => d.CaseId);
            return Results.Ok(new CaseListPage(cases.Select(c =>
            {
                var due = deadlines[c.Id].OrderBy(d => d.Limit == "statutory" ? 0 : 1).FirstOrDefault();
                return new CaseListItemDto(c.Id, c.CaseNo, c.Title, c.DefinitionId, c.DefinitionVersion, c.Status, c.Outcome, c.StartedAt,
                    c.ClosedAt, c.Version, due?.DueAt, due?.Provisional ?? false, due?.Paused ?? false);
            }).ToList(), next));
        }).Produces<CaseListPage>();

        group.MapGet("/{id}", async (string id, CaseViews views, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        {
            var view = await views.LoadAsync(id, user.ToActor(), ct);
            if (view is null) return Problems.NotFound($"案件“{id}”不存在。");
            http.Response.Headers.ETag = ETags.Of(view.Version);
            return Results.Ok(view);
        }).Produces<CaseDto>();

        group.MapPost("/{id}/tasks/{taskId}/actions/{actionId}", (string id, string taskId, string actionId, ActionRequest request, HttpContext http) =>
        {
            var (data, error) = JsonData.ToValues(request.Data);
            if (error is not null) return Task.FromResult(Problems.BadRequest(error));
            var keyless = (request.Items ?? []).Select((item, n) => (item, n)).Where(x => string.IsNullOrWhiteSpace(x.item?.Key)).Select(x => x.n + 1).FirstOrDefault();
            if (keyless > 0) return Task.FromResult(Problems.BadRequest($"items 第 {keyless} 项须写明事项编号 key。"));
            var items = request.Items?.Select(i => new ItemDecision(i.Key!, i.Decision ?? "", i.Ground)).ToList();
            return Execute(http, id, new TakeAction(taskId, actionId, data, request.Opinion, items));
        }).Produces<CaseDto>();

        group.MapPost("/{id}/tasks/{taskId}/vote/attend", (string id, string taskId, AttendRequest? request, HttpContext http) =>
            Execute(http, id, new AttendVote(taskId, request?.MemberId))).Produces<CaseDto>();
        group.MapPost("/{id}/tasks/{taskId}/vote/recuse", (string id, string taskId, RecuseRequest request, HttpContext http) =>
            Execute(http, id, new RecuseFromVote(taskId, request.MemberId, request.Reason ?? ""))).Produces<CaseDto>();
        group.MapPost("/{id}/tasks/{taskId}/vote/opinion", (string id, string taskId, OpinionRequest request, HttpContext http) =>
            Execute(http, id, new SubmitWrittenOpinion(taskId, request.Opinion ?? ""))).Produces<CaseDto>();
        group.MapPost("/{id}/tasks/{taskId}/vote/cast", (string id, string taskId, CastRequest request, HttpContext http) =>
        {
            const string choices = "应为 for（同意）、against（不同意）或 abstain（弃权）。";
            var candidates = new Dictionary<string, VoteChoice>();
            foreach (var (name, value) in request.Candidates ?? [])
            {
                if (VoteChoiceNames.Parse(value) is not { } c) return Task.FromResult(Problems.BadRequest($"candidates 中“{name}”的意见{choices}"));
                candidates[name] = c;
            }
            var choice = VoteChoiceNames.Parse(request.Choice);
            if (choice is null && request.Candidates is null) return Task.FromResult(Problems.BadRequest("choice " + choices));
            return Execute(http, id, new CastVote(taskId, choice ?? VoteChoice.For, request.Opinion, request.Candidates is null ? null : candidates));
        }).Produces<CaseDto>();
        group.MapPost("/{id}/tasks/{taskId}/vote/close", (string id, string taskId, HttpContext http) =>
            Execute(http, id, new CloseVote(taskId))).Produces<CaseDto>();
        group.MapPost("/{id}/withdraw", (string id, WithdrawRequest request, HttpContext http) =>
            Execute(http, id, new Withdraw(request.Reason ?? ""))).Produces<CaseDto>();

        group.MapGet("/{id}/history", async (string id, CaseViews views, ClaimsPrincipal user, CancellationToken ct) =>
            await views.HistoryAsync(id, user.ToActor(), ct) is { } entries ? Results.Ok(entries) : Problems.NotFound($"案件“{id}”不存在。"))
            .Produces<IReadOnlyList<HistoryDto>>();

        group.MapGet("/{id}/history/verify", async (string id, Audit.CaseAudit audit, CaseViews views, ClaimsPrincipal user, CancellationToken ct) =>
            await views.CanSeeAsync(id, user.ToActor(), ct) && await audit.VerifyAsync(id, ct) is { } result
                ? Results.Ok(result)
                : Problems.NotFound($"案件“{id}”不存在。")).Produces<CaseVerification>();
    }

    /// <summary>Runs a command as the signed-in user, honouring If-Match, and answers with the case as it now is.</summary>
    internal static async Task<IResult> Execute(HttpContext http, string caseId, Command command)
    {
        var expected = ETags.Parse(http.Request.Headers.IfMatch.ToString());
        if (expected is { Valid: false }) return Problems.BadRequest("If-Match 应为案件的 ETag，如 \"7\"。");
        var actor = http.User.ToActor();
        var views = http.RequestServices.GetRequiredService<CaseViews>();
        var cases = http.RequestServices.GetRequiredService<CaseService>();
        var result = await cases.ExecuteAsync(caseId, command with { ExpectedVersion = expected?.Version }, actor, http.RequestAborted,
            views.ScopeOf(actor));
        if (result.Outcome is Refused refused) return Problems.Refusal(refused);
        var view = views.Build(result, actor);
        http.Response.Headers.ETag = ETags.Of(view.Version);
        return Results.Ok(view);
    }
}

/// <summary>Case versions as HTTP entity tags: "7".</summary>
public static class ETags
{
    public static string Of(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static (bool Valid, long Version)? Parse(string header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return null;
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? (true, v) : (false, 0);
    }
}

/// <summary>Loads stored cases into the views the API returns.</summary>
public sealed class CaseViews(
    IDbContextFactory<WorkflowDbContext> dbFactory, DefinitionStore definitions, CaseStateCache states, RuntimeProvider runtimes, TimeProvider clock,
    UserDirectory directory)
{
    /// <summary>The case as the viewer may see it; null when there is no such case or it is outside the viewer's scope.</summary>
    public async Task<CaseDto?> LoadAsync(string id, Actor viewer, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (record is null) return null;
        var definition = (await definitions.GetAsync(record.DefinitionId, record.DefinitionVersion, ct))!;
        var state = states.Read(record.Id, record.StateJson);
        if (!ScopeOf(viewer)(definition, state)) return null;
        return CaseView.Build(record, definition, state, runtimes.Create(), viewer, clock.GetUtcNow(), OversightOf(viewer));
    }

    /// <summary>The case's history in order as the viewer may read it; null when there is no such case or it is outside the viewer's scope.</summary>
    public async Task<List<HistoryDto>?> HistoryAsync(string id, Actor viewer, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.DefinitionId, c.DefinitionVersion, c.StateJson })
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (record is null) return null;
        var definition = (await definitions.GetAsync(record.DefinitionId, record.DefinitionVersion, ct))!;
        var state = states.Read(record.Id, record.StateJson);
        if (!CaseScope.CanSee(definition, state, viewer, directory.OverseenBy(viewer.Id))) return null;
        var disclosure = CaseView.Disclosure(definition, viewer);
        var rows = await db.History.AsNoTracking().Where(h => h.CaseId == id).OrderBy(h => h.Sequence).ToListAsync(ct);
        return rows.Select(r => HistoryDto.From(disclosure.History(r.ToRecord(), state))).ToList();
    }

    /// <summary>Whether the case exists and lies within the viewer's scope.</summary>
    public async Task<bool> CanSeeAsync(string id, Actor viewer, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.DefinitionId, c.DefinitionVersion, c.StateJson })
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (record is null) return false;
        var definition = (await definitions.GetAsync(record.DefinitionId, record.DefinitionVersion, ct))!;
        return ScopeOf(viewer)(definition, states.Read(record.Id, record.StateJson));
    }

    /// <summary>The viewer's scope (their own posts and those they stand in for now) as a test on a loaded case.</summary>
    public Func<FlowDefinition, CaseState, bool> ScopeOf(Actor viewer)
    {
        var overseen = directory.OverseenBy(viewer.Id);
        var acting = directory.ScopeOf(viewer, clock.GetUtcNow());
        return (definition, state) => CaseScope.CanSee(definition, state, acting, overseen);
    }

    /// <summary>What the organisation says the viewer oversees, for the core's urge rule.</summary>
    public Engine.Outlook.Oversight OversightOf(Actor viewer) => CaseScope.OversightOf(viewer, directory.OverseenBy(viewer.Id));

    public CaseDto Build(CaseResult result, Actor viewer) =>
        CaseView.Build(result.Record!, result.Definition!, result.State!, runtimes.Create(), viewer, clock.GetUtcNow(), OversightOf(viewer));
}
