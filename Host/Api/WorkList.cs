using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Api;

/// <summary>
/// Where a user's work list (待办) comes from, as indexed queries over the tasks table, which carries the one person a task
/// is assigned to now (the core's <c>ActiveStep.ActsNow</c>: a transferee, or the added signer whose turn it is):
/// the tasks of their posts not assigned to anyone else, the tasks assigned to them or naming them (approver rules; found through <c>task_assignees</c>), and, for each delegation in force, the
/// tasks of the delegated posts not assigned to anyone but the principal (marked with the principal's name).
/// </summary>
public static class WorkList
{
    public sealed record Source(IQueryable<TaskRecord> Query, string? ActingFor);

    public static List<Source> Sources(WorkflowDbContext db, string me, IEnumerable<string> posts, UserDirectory directory, DateTimeOffset now)
    {
        var tasks = db.Tasks.AsNoTracking();
        var sources = posts.Distinct().Select(role => new Source(tasks.Where(t => t.Role == role && (t.AssignedTo == null || t.AssignedTo == me)), null))
            .Append(new Source(tasks.Where(t => t.AssignedTo == me), null))
            .Append(new Source(db.TaskAssignees.Where(a => a.UserId == me)
                .Join(tasks, a => new { a.CaseId, a.TaskId }, t => new { t.CaseId, t.TaskId }, (_, t) => t), null)).ToList();
        foreach (var (delegation, delegated) in directory.StandingInFor(me, now))
        {
            var principal = delegation.PrincipalId;
            sources.AddRange(delegated.Select(role =>
                new Source(tasks.Where(t => t.Role == role && (t.AssignedTo == null || t.AssignedTo == principal)), delegation.PrincipalName)));
        }
        return sources;
    }
}
