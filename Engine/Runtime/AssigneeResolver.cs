using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>
/// Finds the people an approver rule names when a task opens, from the case and the organisation as the roster says.
/// A post rule with 或签 names nobody in particular (whoever holds the post acts, as before).
/// </summary>
public static class AssigneeResolver
{
    /// <summary>The people named (null for a post with 或签), or the Chinese reason nobody can be named.</summary>
    public static (ImmutableList<string>? People, string? Problem) Resolve(FlowDefinition definition, TaskStep step, CaseState state, IRoster roster)
    {
        var rule = step.Assignee;
        switch (rule.Kind)
        {
            case AssigneeKind.Post when step.SignMode == SignMode.Any:
                return (null, null);
            case AssigneeKind.Post:
                var holders = roster.Holders(step.Role).Select(m => m.Id).Distinct().ToImmutableList();
                return holders.Count > 0 ? (holders, null) : (null, $"岗位“{definition.RoleName(step.Role)}”暂无在岗人员会签");
            case AssigneeKind.InitiatorDeptHead:
                var starter = roster.Person(state.StartedBy);
                if (starter?.DepartmentId is not { } own) return (null, $"发起人“{starter?.Name ?? state.StartedBy}”未归属任何科室");
                return Head(roster, own);
            case AssigneeKind.ApplicantDeptHead:
                if (!state.Data.TryGetValue(rule.Field ?? "", out var value) || value.Kind != ValueKind.String || string.IsNullOrWhiteSpace(value.AsString))
                    return (null, $"字段“{definition.FindField(rule.Field ?? "")?.Label ?? rule.Field}”未填写申请科室");
                return Head(roster, value.AsString);
            case AssigneeKind.DeptLeader:
                var department = roster.Department(rule.Department ?? "");
                if (department is null) return (null, $"科室“{rule.Department}”不存在或已停用");
                return department.LeaderId is { } leader && roster.Person(leader) is not null
                    ? ([leader], null)
                    : (null, $"科室“{department.Name}”未设分管领导");
            default:
                return roster.Person(rule.User ?? "") is not null ? ([rule.User!], null) : (null, $"人员“{rule.User}”不存在或已停用");
        }
    }

    private static (ImmutableList<string>?, string?) Head(IRoster roster, string departmentId)
    {
        var department = roster.Department(departmentId);
        if (department is null) return (null, $"科室“{departmentId}”不存在或已停用");
        return department.HeadId is { } head && roster.Person(head) is not null
            ? ([head], null)
            : (null, $"科室“{department.Name}”未设科室负责人");
    }
}
