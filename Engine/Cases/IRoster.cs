
namespace WorkflowEngine.Engine.Cases;

/// <summary>
/// Who holds a post and how the organisation stands: the members of a collective meeting, the holders of a task's post,
/// and the department heads, leaders in charge and named users that approver rules resolve to.
/// </summary>
public interface IRoster
{
    IReadOnlyList<RosterMember> Holders(string role);

    /// <summary>The name of a person who holds any post, or null.</summary>
    string? NameOf(string memberId);

    /// <summary>An active user (with or without a post), or null.</summary>
    OrgPerson? Person(string userId);

    /// <summary>An active department, or null.</summary>
    OrgDepartment? Department(string departmentId);
}
