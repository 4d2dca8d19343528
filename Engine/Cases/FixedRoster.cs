
namespace WorkflowEngine.Engine.Cases;

/// <summary>A roster given as data (tests, benchmarks, and the host's snapshot of its users and departments).</summary>
public sealed class FixedRoster(IReadOnlyDictionary<string, IReadOnlyList<RosterMember>> holders, OrgChart? organisation = null) : IRoster
{
    public static readonly FixedRoster Empty = new(new Dictionary<string, IReadOnlyList<RosterMember>>());

    private readonly OrgChart _org = organisation ?? OrgChart.Empty;

    public IReadOnlyList<RosterMember> Holders(string role) => holders.TryGetValue(role, out var list) ? list : [];

    public string? NameOf(string memberId) =>
        holders.Values.SelectMany(l => l).FirstOrDefault(m => m.Id == memberId)?.Name ?? Person(memberId)?.Name;

    public OrgPerson? Person(string userId) => _org.People.GetValueOrDefault(userId);

    public OrgDepartment? Department(string departmentId) => _org.Departments.GetValueOrDefault(departmentId);
}
