using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Organisation;

/// <summary>
/// Which posts have nobody to hold them. The start of a case is tried first on the pure runtime (it has no side
/// effects), so the check sees exactly the steps the case would enter right away, decisions and parallel branches
/// included; a case whose first tasks would wait for a post nobody holds is refused instead of stalling.
/// </summary>
public sealed class Staffing(DefinitionStore definitions, RuntimeProvider runtimes, UserDirectory users, PostCatalog posts, TimeProvider clock)
{
    /// <summary>The posts of a flow that have no active holder, as (post id, post name).</summary>
    public IReadOnlyList<(string Id, string Name)> VacantPostsOf(FlowDefinition definition) =>
        definition.Roles.Select(r => r.Id).Distinct().Where(id => users.Current.Holders(id).Count == 0)
            .Select(id => (id, posts.TryGetValue(id, out var name) ? name : definition.FindRole(id)?.Name ?? id)).ToList();

    /// <summary>Every post of every published flow without an active holder, with the flows that use it.</summary>
    public async Task<IReadOnlyList<VacantPostDto>> VacantPostsAsync(CancellationToken ct)
    {
        var vacant = new Dictionary<string, (string Name, List<VacantPostFlowDto> Flows)>();
        foreach (var record in await definitions.ListNewestAsync(includeDrafts: false, ct))
        {
            var definition = definitions.Parse(record);
            foreach (var (id, name) in VacantPostsOf(definition))
            {
                if (!vacant.TryGetValue(id, out var entry)) vacant[id] = entry = (name, []);
                entry.Flows.Add(new VacantPostFlowDto(definition.Id, definition.Name));
            }
        }
        return vacant.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new VacantPostDto(v.Key, v.Value.Name, v.Value.Flows)).ToList();
    }

    /// <summary>Null when the case may start, else the Chinese reason: a task it would enter right away has no holder.</summary>
    public async Task<string?> CheckStartAsync(string definitionId, ImmutableDictionary<string, Value> data, Actor actor, CancellationToken ct)
    {
        var definition = await definitions.PublishedAsync(definitionId, ct);
        if (definition is null) return null; // the service answers that itself
        var outcome = runtimes.Create().Execute(definition, null, new StartCase("staffing-check", data), actor, clock.GetUtcNow());
        if (outcome is not Applied applied) return null;
        // A task an approver rule named people to was refused by the runtime already when nobody could be named.
        var vacant = applied.State.Active
            .Where(a => a.Assignees is null)
            .Select(a => definition.Step(a.StepId))
            .Where(step => users.Current.Holders(step.WorkListRole).Count == 0)
            .Select(step => $"“{step.Name}”（岗位：{(posts.TryGetValue(step.WorkListRole, out var n) ? n : step.WorkListRole)}）")
            .Distinct().ToList();
        return vacant.Count == 0 ? null
            : $"案件受理后将立即进入的步骤{string.Join("、", vacant)}暂无在岗人员办理，案件将无人办理。请先由系统管理员在“组织机构”中为该岗位配备人员。";
    }
}

public sealed record VacantPostFlowDto(string Id, string Name);
public sealed record VacantPostDto(string PostId, string PostName, IReadOnlyList<VacantPostFlowDto> Flows);
