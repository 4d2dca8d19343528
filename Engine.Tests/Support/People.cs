using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Tests.Support;

/// <summary>The officials the tests act as, each holding the posts of the sample users.</summary>
internal static class People
{
    public static Actor Make(string id, string name, params string[] roles) => new(id, name, roles.ToHashSet());

    public static readonly Actor Clerk = Make("clerk", "窗口王芳", "approval-window");
    public static readonly Actor Clerk2 = Make("clerk2", "窗口李娜", "approval-window");
    public static readonly Actor ApprovalChief = Make("approval-chief", "审批科科长周敏", "approval-section-chief");
    public static readonly Actor Reviewer = Make("reviewer", "业务科室赵强", "business-section");
    public static readonly Actor Deputy = Make("deputy", "分管副主任刘洋", "deputy-director", "party-group-member");
    public static readonly Actor Director = Make("director", "主任陈明", "director", "party-secretary", "party-group-member");
    public static readonly Actor Officer = Make("officer", "复议承办人孙丽", "reconsideration-officer");
    public static readonly Actor Personnel = Make("personnel", "人事科吴静", "personnel-section", "staff");
    public static readonly Actor Discipline = Make("discipline", "纪检组郑伟", "discipline-inspection", "party-group-member");
    public static readonly Actor SectionChief = Make("section-chief", "科室负责人黄磊", "section-chief", "staff");
    public static readonly Actor Finance = Make("finance", "财务科何琳", "finance-section", "staff");
    public static readonly Actor Member3 = Make("member3", "副主任马超", "deputy-director", "party-group-member");
    public static readonly Actor Member4 = Make("member4", "副主任林涛", "deputy-director", "party-group-member");
    public static readonly Actor Member5 = Make("member5", "党组成员高远", "party-group-member");

    /// <summary>Five party-group members (director chairs) and four staff for the democratic recommendation.</summary>
    public static readonly Actor[] PartyGroup = [Director, Deputy, Discipline, Member3, Member4, Member5];
    public static readonly Actor[] Staff = [Personnel, SectionChief, Finance, Make("staff4", "科员许可", "staff"), Make("staff5", "科员田甜", "staff")];

    public static IRoster Roster { get; } = new FixedRoster(
        PartyGroup.Concat(Staff).Concat([Clerk, Clerk2, ApprovalChief, Reviewer, Officer])
            .SelectMany(a => a.Roles.Select(r => (Role: r, Member: new RosterMember(a.Id, a.Name))))
            .GroupBy(x => x.Role)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RosterMember>)g.Select(x => x.Member).ToList()));
}
