namespace WorkflowEngine.Engine.Cases;

/// <summary>A department: its head (科室负责人) and its leader in charge (分管领导).</summary>
public sealed record OrgDepartment(string Id, string Name, string? HeadId, string? LeaderId);

/// <summary>An active user and the department they belong to.</summary>
public sealed record OrgPerson(string Id, string Name, string? DepartmentId);

/// <summary>The organisation approver rules read: departments and people.</summary>
public sealed record OrgChart(IReadOnlyDictionary<string, OrgDepartment> Departments, IReadOnlyDictionary<string, OrgPerson> People)
{
    public static readonly OrgChart Empty = new(new Dictionary<string, OrgDepartment>(), new Dictionary<string, OrgPerson>());
}
