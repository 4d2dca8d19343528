using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Runtime;

/// <summary>Approver rules (科室负责人, 分管领导, a named user), 会签 and 抄送, through Execute and Describe alike.</summary>
public class ApproverRuleTests
{
    private static readonly Actor Starter = People.Make("s1", "科员甲", "clerk");
    private static readonly Actor OtherClerk = People.Make("s2", "科员乙", "clerk");
    private static readonly Actor OfficeHead = People.Make("office-head", "办公室主任", "head");
    private static readonly Actor FinanceHead = People.Make("finance-head", "财务科长", "head");
    private static readonly Actor Leader = People.Make("leader", "分管领导", "head");
    private static readonly Actor Auditor = People.Make("auditor", "审计员", "watcher");

    private static readonly IRoster Roster = new FixedRoster(
        new Dictionary<string, IReadOnlyList<RosterMember>>
        {
            ["clerk"] = [new(Starter.Id, Starter.Name), new(OtherClerk.Id, OtherClerk.Name)],
            ["head"] = [new(OfficeHead.Id, OfficeHead.Name), new(FinanceHead.Id, FinanceHead.Name), new(Leader.Id, Leader.Name)],
            ["watcher"] = [new(Auditor.Id, Auditor.Name)],
        },
        organisation: new OrgChart(
            new Dictionary<string, OrgDepartment>
            {
                ["office"] = new("office", "办公室", OfficeHead.Id, Leader.Id),
                ["finance"] = new("finance", "财务科", FinanceHead.Id, Leader.Id),
                ["planning"] = new("planning", "规划科", null, null),
            },
            new Dictionary<string, OrgPerson>
            {
                [Starter.Id] = new(Starter.Id, Starter.Name, "office"),
                [OtherClerk.Id] = new(OtherClerk.Id, OtherClerk.Name, "planning"),
                [OfficeHead.Id] = new(OfficeHead.Id, OfficeHead.Name, "office"),
                [FinanceHead.Id] = new(FinanceHead.Id, FinanceHead.Name, "finance"),
                [Leader.Id] = new(Leader.Id, Leader.Name, "leadership"),
                [Auditor.Id] = new(Auditor.Id, Auditor.Name, "finance"),
            }));

    private const string Roles = """
        "roles": [ { "id": "clerk", "name": "科员" }, { "id": "head", "name": "负责人" }, { "id": "watcher", "name": "审计" } ],
        """;

    private static FlowDefinition Flow(string approval, string fields = """{ "id": "dept", "label": "申请科室", "type": "text" }""") =>
        Load(fields, approval).Definition ?? throw new AssertionException(string.Join("\n", Load(fields, approval).Errors));

    private static DefinitionLoadResult Load(string fields, string approval, IOrganisationCatalog? org = null) => DefinitionLoader.Load($$"""
        {
          "id": "rules", "version": 1, "name": "审批人规则",
          {{Roles}}
          "fields": [ {{fields}} ],
          "riskPoints": [],
          "start": "apply",
          "steps": [
            { "id": "apply", "kind": "task", "name": "申请", "role": "clerk", "actions": [ { "id": "submit", "name": "提交", "to": "approve" } ] },
            { "id": "approve", "kind": "task", "name": "审核", {{approval}},
              "actions": [ { "id": "agree", "name": "同意", "to": "end" }, { "id": "return", "name": "退回", "to": "apply" } ] },
            { "id": "end", "kind": "end", "name": "办结", "outcome": "completed" }
          ]
        }
        """, new DefinitionLoadOptions(RiskCheckRegistry.CreateDefault(), Organisation: org));

    private static CaseDriver Submitted(FlowDefinition flow, object? data = null)
    {
        var c = new CaseDriver(flow, CaseDriver.At("2026-03-02T10:00+08:00"), roster: Roster).Start(data ?? new { }, Starter);
        c.Must(new TakeAction(c.Task("apply").TaskId, "submit", ImmutableDictionary<string, Value>.Empty, null), Starter);
        return c;
    }

    private static TaskOutlook Outlook(CaseDriver c, Actor viewer) =>
        c.Runtime.Describe(c.Definition, c.State, viewer, c.Now).Tasks.Single(t => t.StepId == "approve");

    private static CommandResult Agree(CaseDriver c, Actor actor, string action = "agree") =>
        c.Try(new TakeAction(c.Task("approve").TaskId, action, ImmutableDictionary<string, Value>.Empty, "同意"), actor);

    [Test]
    public void The_initiators_department_head_approves_and_nobody_else_may()
    {
        var c = Submitted(Flow("""  "assignee": { "rule": "initiatorDeptHead" } """));

        c.Task("approve").Assignees.Should().Equal(OfficeHead.Id);
        var outlook = Outlook(c, FinanceHead);
        outlook.Holders.Select(h => h.Id).Should().Equal(OfficeHead.Id);
        outlook.Assignment.Should().Be("发起人所在科室负责人");
        outlook.Actions.Single(a => a.Id == "agree").Permission.Allowed.Should().BeFalse();
        var refused = Agree(c, FinanceHead).Should().BeOfType<Refused>().Subject;
        refused.Code.Should().Be(RefusalCode.WrongRole);
        refused.Message.Should().Contain("发起人所在科室负责人").And.Contain("办公室主任");

        Outlook(c, OfficeHead).Actions.Single(a => a.Id == "agree").Permission.Allowed.Should().BeTrue();
        Agree(c, OfficeHead).Should().BeOfType<Applied>();
        c.State.IsClosed.Should().BeTrue();
    }

    [Test]
    public void The_applicant_departments_head_is_read_from_the_case_field()
    {
        var c = Submitted(Flow("""  "assignee": { "rule": "applicantDeptHead", "field": "dept" } """), new { dept = "finance" });

        c.Task("approve").Assignees.Should().Equal(FinanceHead.Id);
        Agree(c, OfficeHead).Should().BeOfType<Refused>().Which.Code.Should().Be(RefusalCode.WrongRole);
        Agree(c, FinanceHead).Should().BeOfType<Applied>();
    }

    [Test]
    public void The_leader_in_charge_of_a_named_department_approves()
    {
        var c = Submitted(Flow("""  "assignee": { "rule": "deptLeader", "department": "finance" } """));

        Outlook(c, Leader).Assignment.Should().Be("科室“finance”的分管领导");
        Agree(c, FinanceHead).Should().BeOfType<Refused>();
        Agree(c, Leader).Should().BeOfType<Applied>();
    }

    [Test]
    public void A_named_user_approves_whatever_posts_they_hold()
    {
        var c = Submitted(Flow("""  "assignee": { "rule": "user", "user": "auditor" } """));

        Outlook(c, Auditor).Actions.Single(a => a.Id == "agree").Permission.Allowed.Should().BeTrue();
        Agree(c, Leader).Should().BeOfType<Refused>();
        Agree(c, Auditor).Should().BeOfType<Applied>();
    }

    [Test]
    public void A_department_without_a_head_refuses_the_step_that_would_need_one_with_the_reason()
    {
        var flow = Flow("""  "assignee": { "rule": "initiatorDeptHead" } """);
        var c = new CaseDriver(flow, CaseDriver.At("2026-03-02T10:00+08:00"), roster: Roster).Start(new { }, OtherClerk);

        var refused = c.TryAct("apply", "submit", OtherClerk, opinion: null).Should().BeOfType<Refused>().Subject;
        refused.Message.Should().Contain("无法确定办理人").And.Contain("规划科").And.Contain("未设科室负责人");
        c.Task("apply").Should().NotBeNull();
    }

    [Test]
    public void Countersigning_with_three_holders_completes_only_when_all_have_signed()
    {
        var c = Submitted(Flow("""  "role": "head", "signMode": "all" """));
        c.Task("approve").Assignees.Should().BeEquivalentTo([OfficeHead.Id, FinanceHead.Id, Leader.Id]);

        Agree(c, OfficeHead).Should().BeOfType<Applied>();
        Agree(c, FinanceHead).Should().BeOfType<Applied>();
        c.State.IsClosed.Should().BeFalse();
        c.Task("approve").Signatures.Keys.Should().BeEquivalentTo([OfficeHead.Id, FinanceHead.Id]);
        c.History.Count(e => e.Type == EventTypes.Countersigned).Should().Be(2);

        var again = Agree(c, OfficeHead).Should().BeOfType<Refused>().Subject;
        again.Message.Should().Contain("已在“审核”环节会签");
        var outlook = Outlook(c, OfficeHead);
        outlook.SignMode.Should().Be(SignMode.All);
        outlook.Signed.Select(s => s.Id).Should().BeEquivalentTo([OfficeHead.Id, FinanceHead.Id]);
        outlook.Holders.Select(h => h.Id).Should().Equal(Leader.Id);
        outlook.Actions.Single(a => a.Id == "agree").Permission.Allowed.Should().BeFalse();
        Outlook(c, Leader).Actions.Single(a => a.Id == "agree").Permission.Allowed.Should().BeTrue();

        Agree(c, Leader).Should().BeOfType<Applied>();
        c.State.IsClosed.Should().BeTrue();
        c.State.Trail.Last(t => t.StepId == "approve").ActorId.Should().Be(Leader.Id);
    }

    [Test]
    public void Under_countersigning_any_return_returns_at_once()
    {
        var c = Submitted(Flow("""  "role": "head", "signMode": "all" """));
        Agree(c, OfficeHead).Should().BeOfType<Applied>();

        Agree(c, FinanceHead, "return").Should().BeOfType<Applied>();

        c.State.Active.Should().ContainSingle().Which.StepId.Should().Be("apply");
    }

    [Test]
    public void A_cc_post_is_informed_and_may_see_the_case_but_not_act()
    {
        var c = Submitted(Flow("""  "role": "head", "cc": ["watcher"] """));

        c.State.CarbonCopies.Should().ContainSingle().Which.Should().Match<CarbonCopy>(x => x.Post == "watcher" && x.StepId == "approve");
        c.History.Should().Contain(e => e.Type == EventTypes.CarbonCopied && e.Summary.Contains("审计"));
        CaseVisibility.CanSee(c.Definition, c.State, Auditor, seesEverything: false).Should().BeTrue();
        CaseVisibility.CanSee(c.Definition, c.State, People.Make("x", "无关人员", "other"), seesEverything: false).Should().BeFalse();
        Agree(c, Auditor).Should().BeOfType<Refused>().Which.Code.Should().Be(RefusalCode.WrongRole);
    }

    [Test]
    public void A_named_approver_sees_the_case_through_the_core_visibility_rule()
    {
        var c = Submitted(Flow("""  "assignee": { "rule": "user", "user": "auditor" } """));
        var auditorWithoutPosts = People.Make("auditor", "审计员");

        CaseVisibility.CanSee(c.Definition, c.State, auditorWithoutPosts, seesEverything: false).Should().BeTrue();
    }

    private sealed class Org : IOrganisationCatalog
    {
        public bool HasDepartment(string id) => id == "finance";
        public bool HasUser(string id) => id == "auditor";
    }

    [TestCase("""  "assignee": { "rule": "user", "user": "nobody" } """, "人员“nobody”不存在")]
    [TestCase("""  "assignee": { "rule": "deptLeader", "department": "nowhere" } """, "科室“nowhere”不存在")]
    [TestCase("""  "assignee": { "rule": "post", "post": "ghost" } """, "岗位“ghost”未在“roles”中定义")]
    [TestCase("""  "assignee": { "rule": "deptLeader" } """, "须写明科室")]
    [TestCase("""  "assignee": { "rule": "applicantDeptHead", "field": "nofield" } """, "字段“nofield”未在“fields”中定义")]
    [TestCase("""  "assignee": { "rule": "boss" } """, "审批人规则“boss”无效")]
    [TestCase("""  "role": "head", "cc": ["ghost"] """, "抄送岗位“ghost”未在“roles”中定义")]
    [TestCase("""  "role": "head", "assignee": { "rule": "user", "user": "auditor" } """, "“role”与“assignee”只能写一个")]
    public void Approver_rules_that_name_what_does_not_exist_are_refused_in_Chinese(string approval, string message)
    {
        var result = Load("""{ "id": "dept", "label": "申请科室", "type": "text" }""", approval, new Org());

        result.IsValid.Should().BeFalse();
        result.Errors.Should().Contain(e => e.Message.Contains(message), string.Join("\n", result.Errors));
    }

    [Test]
    public void Countersigning_is_only_for_tasks()
    {
        var result = DefinitionLoader.Load($$"""
            {
              "id": "rules", "version": 1, "name": "会签", {{Roles}} "fields": [], "riskPoints": [], "start": "a",
              "steps": [
                { "id": "a", "kind": "task", "name": "申请", "role": "clerk", "actions": [ { "id": "go", "name": "提交", "to": "d" } ] },
                { "id": "d", "kind": "decision", "name": "分流", "signMode": "all", "routes": [], "otherwise": "end" },
                { "id": "end", "kind": "end", "name": "办结", "outcome": "completed" }
              ]
            }
            """, new DefinitionLoadOptions(RiskCheckRegistry.CreateDefault()));

        result.Errors.Should().Contain(e => e.Message.Contains("会签") && e.Message.Contains("只适用于办理环节"));
    }

    [Test]
    public void The_shipped_leave_flow_asks_the_initiators_department_head()
    {
        var leave = Repo.Flow("leave-approval");
        var section = leave.Step("section-approval").Should().BeOfType<TaskStep>().Subject;
        section.Assignee.Kind.Should().Be(AssigneeKind.InitiatorDeptHead);
        Repo.Flow("degree-education-approval").Step("section").Should().BeOfType<TaskStep>()
            .Which.Assignee.Kind.Should().Be(AssigneeKind.InitiatorDeptHead);
    }
}
