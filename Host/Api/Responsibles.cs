using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Api;

/// <summary>Who answers for a card: the post (its Chinese name) and the people who hold it.</summary>
public sealed record ResponsibleDto(string Post, string PostName, IReadOnlyList<string> Holders);

/// <summary>
/// Names who is responsible for a yellow or red card: a step's card names the post of that task; a case limit's card the
/// posts of the case's open tasks. Holders are the organisation's active users of the post, by name.
/// </summary>
public sealed class Responsibles(UserDirectory users, RoleNames roleNames, DefinitionStore definitions)
{
    public ResponsibleDto Of(string role) => new(role, roleNames.Of(role), users.Current.Holders(role).Select(h => h.Name).ToList());

    /// <summary>The cards' responsibles, keyed by (case, task key or "" for a case limit).</summary>
    public async Task<Func<string, string?, string?, IReadOnlyList<ResponsibleDto>>> ForCasesAsync(WorkflowDbContext db, IReadOnlyCollection<string> caseIds,
        CancellationToken ct)
    {
        var tasks = (await db.Tasks.AsNoTracking().Where(t => caseIds.Contains(t.CaseId)).Select(t => new { t.CaseId, t.TaskId, t.Role }).ToListAsync(ct))
            .ToLookup(t => t.CaseId);
        var versions = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.DefinitionId, c.DefinitionVersion }).ToDictionaryAsync(c => c.Id, ct);
        var stepRoles = new Dictionary<(string, string), string?>();
        foreach (var c in versions.Values)
        {
            var definition = await definitions.GetAsync(c.DefinitionId, c.DefinitionVersion, ct);
            if (definition is null) continue;
            foreach (var step in definition.Steps) stepRoles[(c.Id, step.Id)] = step.WorkListRole;
        }
        return (caseId, taskKey, stepId) =>
        {
            var open = tasks[caseId].ToList();
            IEnumerable<string> roles = !string.IsNullOrEmpty(taskKey)
                ? open.Where(t => t.TaskId == taskKey).Select(t => t.Role).DefaultIfEmpty(stepId is null ? null : stepRoles.GetValueOrDefault((caseId, stepId)))
                    .OfType<string>()
                : open.Select(t => t.Role);
            return roles.Where(r => r.Length > 0).Distinct().Select(Of).ToList();
        };
    }
}
