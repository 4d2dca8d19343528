namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>How the people who act on a task are found.</summary>
public enum AssigneeKind
{
    /// <summary>Whoever holds a post (the default: a step's "role").</summary>
    Post,
    /// <summary>The head (科室负责人) of the department of the user who started the case.</summary>
    InitiatorDeptHead,
    /// <summary>The head of the department a case field names (internal flows: the applying department).</summary>
    ApplicantDeptHead,
    /// <summary>The leader in charge (分管领导) of a named department.</summary>
    DeptLeader,
    /// <summary>One named user.</summary>
    User,
}

/// <summary>Whether one holder completes a task (或签) or every holder must sign (会签).</summary>
public enum SignMode { Any, All }

/// <summary>A task's approver rule: <c>"assignee": { "rule": …, "post"?, "department"?, "field"?, "user"? }</c>.</summary>
public sealed class AssigneeRule : DefinitionElement
{
    public required AssigneeKind Kind { get; init; }
    public string? Post { get; init; }
    public string? Department { get; init; }
    /// <summary>For <see cref="AssigneeKind.ApplicantDeptHead"/>: the case field whose value is a department id.</summary>
    public string? Field { get; init; }
    public string? User { get; init; }

    /// <summary>The JSON spelling of each rule.</summary>
    public static readonly IReadOnlyDictionary<string, AssigneeKind> Names = new Dictionary<string, AssigneeKind>(StringComparer.Ordinal)
    {
        ["post"] = AssigneeKind.Post,
        ["initiatorDeptHead"] = AssigneeKind.InitiatorDeptHead,
        ["applicantDeptHead"] = AssigneeKind.ApplicantDeptHead,
        ["deptLeader"] = AssigneeKind.DeptLeader,
        ["user"] = AssigneeKind.User,
    };

    public static string NameOf(AssigneeKind kind) => Names.First(p => p.Value == kind).Key;

    /// <summary>How the rule reads to an official.</summary>
    public string ToChinese(FlowDefinition definition) => Kind switch
    {
        AssigneeKind.Post => $"岗位“{definition.RoleName(Post ?? "")}”",
        AssigneeKind.InitiatorDeptHead => "发起人所在科室负责人",
        AssigneeKind.ApplicantDeptHead => $"申请科室（字段“{definition.FindField(Field ?? "")?.Label ?? Field}”）负责人",
        AssigneeKind.DeptLeader => $"科室“{Department}”的分管领导",
        _ => $"指定人员“{User}”",
    };
}
