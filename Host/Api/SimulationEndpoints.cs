using System.Collections.Immutable;
using System.Text.Json;
using System.Xml;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Api;

public sealed record SimulationActorDto(string? Post, string? User);

public sealed record SimulationMoveDto(string? Step, string? Action, JsonElement? Data, string? Opinion, string? Post, string? User, string? Advance);

/// <summary>
/// A simulation: the definition (its JSON in <c>definition</c>, or a stored version by <c>definitionId</c> and optional
/// <c>version</c>, drafts included), where the simulated clock starts, the start data and who starts, and the moves.
/// </summary>
public sealed record SimulationRequestDto(
    JsonElement? Definition, string? DefinitionId, int? Version, JsonElement? Data, string? Start, SimulationActorDto? Starter,
    List<SimulationMoveDto>? Actions);

/// <summary>Runs a draft on a simulated clock with the pure runtime (process owners and administrators); nothing is stored.</summary>
public static class SimulationEndpoints
{
    public static void MapSimulation(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/definitions/simulate", async (SimulationRequestDto? body, DefinitionStore store, RuntimeProvider runtimes, TimeProvider clock,
            CancellationToken ct) =>
        {
            if (body is null) return Problems.BadRequest("请提供模拟请求：definition 或 definitionId，以及 data、actions。");
            var (definition, problem) = await DefinitionAsync(body, store, ct);
            if (problem is not null) return problem;

            var start = clock.GetUtcNow();
            if (!string.IsNullOrWhiteSpace(body.Start) && !Periods.TryParseStart(body.Start, out start))
                return Problems.BadRequest("start 应为 1901 至 2100 年间的日期 yyyy-MM-dd 或时刻 yyyy-MM-ddTHH:mm+08:00。");
            var (data, dataError) = JsonData.ToValues(body.Data);
            if (dataError is not null) return Problems.BadRequest(dataError);
            var first = definition!.Step(definition.StartStepId);
            var defaultPost = body.Starter?.User is null && first is TaskStep { Role.Length: > 0 } task ? task.Role : null;
            var starter = new SimulatedActor(body.Starter?.Post ?? defaultPost, body.Starter?.User);
            if (starter.Post is not null && definition.FindRole(starter.Post) is null)
                return Problems.BadRequest($"发起人的岗位“{starter.Post}”不是本流程的岗位。");

            var moves = new List<SimulatedMove>();
            var actions = body.Actions ?? [];
            if (actions.Count > Simulation.MaxMoves) return Problems.BadRequest($"actions 最多 {Simulation.MaxMoves} 步。");
            for (var i = 0; i < actions.Count; i++)
            {
                var (move, error) = Move(definition, actions[i], i + 1);
                if (error is not null) return Problems.BadRequest(error);
                moves.Add(move!);
            }
            try
            {
                return Results.Ok(new Simulation(runtimes.Create(), definition).Run(start, data, starter, moves));
            }
            catch (ArgumentException e)
            {
                return Problems.BadRequest($"模拟无法进行：{e.Message}");
            }
        }).WithTags("Definitions").RequireAuthorization(Policies.ProcessOwner).Produces<SimulationResult>();
    }

    private static async Task<(FlowDefinition? Definition, IResult? Problem)> DefinitionAsync(SimulationRequestDto body, DefinitionStore store, CancellationToken ct)
    {
        var inline = body.Definition is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } given ? given : (JsonElement?)null;
        if ((inline is null) == string.IsNullOrWhiteSpace(body.DefinitionId))
            return (null, Problems.BadRequest("请在 definition（流程定义 JSON）与 definitionId（已保存的草稿或版本）中二选一。"));
        if (inline is { } json)
        {
            if (json.ValueKind != JsonValueKind.Object) return (null, Problems.BadRequest("definition 应为流程定义的 JSON 对象。"));
            var loaded = store.Validate(json.GetRawText());
            return loaded.IsValid ? (loaded.Definition, null) : (null, Problems.InvalidDefinition(loaded.Errors));
        }
        var versions = await store.VersionsAsync(body.DefinitionId!, ct);
        var record = body.Version is { } v ? versions.FirstOrDefault(r => r.Version == v) : versions.LastOrDefault();
        if (record is null)
            return (null, Problems.NotFound(body.Version is null ? $"流程“{body.DefinitionId}”不存在。" : $"流程“{body.DefinitionId}”没有第 {body.Version} 版。"));
        return (store.Parse(record), null);
    }

    private static (SimulatedMove? Move, string? Error) Move(FlowDefinition definition, SimulationMoveDto dto, int number)
    {
        var advance = TimeSpan.Zero;
        if (!string.IsNullOrWhiteSpace(dto.Advance))
        {
            try { advance = XmlConvert.ToTimeSpan(dto.Advance); }
            catch (FormatException) { return (null, $"第 {number} 步的 advance 应为 ISO 8601 时长，如 P3D（3 天）、PT2H（2 小时）。"); }
            catch (OverflowException) { return (null, $"第 {number} 步的 advance 过长。"); }
            if (advance < TimeSpan.Zero) return (null, $"第 {number} 步的 advance 不能为负。");
        }
        if (dto.Step is null)
            return dto.Action is null
                ? (new SimulatedMove(null, null, ImmutableDictionary<string, Engine.Expressions.Value>.Empty, null, new SimulatedActor(null, null), advance), null)
                : (null, $"第 {number} 步写了动作“{dto.Action}”，却没有写明环节（step）。");
        if (definition.FindStep(dto.Step) is not { } step) return (null, $"第 {number} 步的环节“{dto.Step}”不在本流程中。");
        if (string.IsNullOrWhiteSpace(dto.Action)) return (null, $"第 {number} 步须写明在“{step.Name}”环节办理的动作（action）。");
        if (dto.Post is not null && definition.FindRole(dto.Post) is null) return (null, $"第 {number} 步的岗位“{dto.Post}”不是本流程的岗位。");
        var (data, error) = JsonData.ToValues(dto.Data);
        if (error is not null) return (null, $"第 {number} 步的 data 有误：{error}");
        var action = (step as ActingStep)?.FindAction(dto.Action);
        var post = dto.Post ?? (dto.User is null ? action?.Role ?? (step as TaskStep)?.Role : null);
        return (new SimulatedMove(step.Id, dto.Action, data, dto.Opinion, new SimulatedActor(string.IsNullOrEmpty(post) ? null : post, dto.User), advance), null);
    }
}
