using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;

namespace WorkflowEngine.Server.Auth;

/// <summary>
/// The product's side of the core's <see cref="CaseVisibility"/> rule: supervisors (纪检, 督办) and administrators see every
/// case; anyone else sees the cases they have acted on or can act on, and the heads and 分管领导 of a department see the
/// cases its members have acted on.
/// </summary>
public static class CaseScope
{
    public static bool SeesEverything(Actor viewer) => viewer.Holds(SystemRoles.Supervisor) || viewer.Holds(SystemRoles.Admin);

    /// <summary>What the viewer oversees, for the core's rules on it (<see cref="UrgeRight"/>): supervision is the supervisor's post.</summary>
    public static Oversight OversightOf(Actor viewer, IReadOnlySet<string> overseen) => new(viewer.Holds(SystemRoles.Supervisor), overseen);

    public static bool CanSee(FlowDefinition definition, CaseState state, Actor viewer, IReadOnlySet<string> overseen) =>
        CaseVisibility.CanSee(definition, state, viewer, SeesEverything(viewer), overseen.Contains);

    /// <summary>
    /// The cases a list may show the viewer, in SQL: those they acted on (their history), whose open task their post
    /// works on, is assigned to them or names them, or that were copied (抄送) to one of their posts. A subset of <see cref="CanSee"/> (posts that act only through a step's extra actions open the case from
    /// their work list or a link), so a list never shows a case the viewer may not open.
    /// </summary>
    public static IQueryable<CaseRecord> VisibleTo(this IQueryable<CaseRecord> cases, WorkflowDbContext db, Actor viewer, IReadOnlySet<string> overseen)
    {
        if (SeesEverything(viewer)) return cases;
        var roles = viewer.Roles.ToList();
        var people = overseen.Append(viewer.Id).ToList();
        var named = "," + viewer.Id + ",";
        return cases.Where(c => people.Contains(c.StartedBy)
            || db.History.Any(h => h.CaseId == c.Id && people.Contains(h.ActorId))
            || db.Tasks.Any(t => t.CaseId == c.Id && (roles.Contains(t.Role) || t.AssignedTo == viewer.Id || (t.Assignees != null && t.Assignees.Contains(named))))
            || db.CarbonCopies.Any(cc => cc.CaseId == c.Id && roles.Contains(cc.Post)));
    }
}
