using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;
using static WorkflowEngine.Tests.Support.People;

namespace WorkflowEngine.Tests.Runtime;

/// <summary>转办, 委托 and 加签 on the licensing flow: who may act, what the history says, and separation of duties through each.</summary>
public class HandoverTests
{
    private static readonly string[] AllMaterials = ["application", "identity", "qualification", "premises"];
    private static readonly Actor Reviewer2 = Make("reviewer2", "业务科室钱进", "business-section");
    /// <summary>Holds both the review and the deputy's post: the one whom separation of duties must stop.</summary>
    private static readonly Actor Dual = Make("dual", "兼职副主任孔明", "business-section", "deputy-director");
    private static readonly Actor Retired = Make("retired", "已停用吴老", "business-section");
    private static readonly DateTimeOffset Start = CaseDriver.At("2026-03-02T10:00+08:00");

    private static FixedRoster Roster(params Delegation[] delegations)
    {
        var everyone = PartyGroup.Concat(Staff).Concat([Clerk, Clerk2, ApprovalChief, Reviewer, Reviewer2, Dual, Officer]);
        var holders = everyone.SelectMany(a => a.Roles.Select(r => (Role: r, Member: new RosterMember(a.Id, a.Name))))
            .GroupBy(x => x.Role).ToDictionary(g => g.Key, g => (IReadOnlyList<RosterMember>)g.Select(x => x.Member).ToList());
        // approval-chief heads the business section's department in this roster.
        var heads = new Dictionary<string, string> { [Reviewer.Id] = ApprovalChief.Id, [Reviewer2.Id] = ApprovalChief.Id };
        return new FixedRoster(holders, delegations, heads, new HashSet<string> { Retired.Id });
    }

    private static Delegation Standing(Actor principal, Actor standIn, string[]? posts, string from = "2026-03-01", string to = "2026-03-20") =>
        new($"d-{principal.Id}-{standIn.Id}", principal.Id, principal.Name, standIn.Id, standIn.Name, posts?.ToHashSet(),
            CaseDriver.At(from + "T00:00+08:00"), CaseDriver.At(to + "T00:00+08:00"));

    private static CaseDriver InReview(IRoster? roster = null) =>
        new CaseDriver(Repo.Flow("licensing-approval"), Start, roster: roster ?? Roster())
            .Start(new { applicant = "康宁妇产医院", contact = "0735-2222222", item = "母婴保健技术服务机构执业许可", kind = "承诺件" }, Clerk)
            .Act("intake", "accept", Clerk, new { materials = AllMaterials });

    private static string Review(CaseDriver c) => c.Task("review").TaskId;

    private static TaskOutlook Outlook(CaseDriver c, Actor viewer, string stepId) =>
        c.Runtime.Describe(c.Definition, c.State, viewer, c.Now).Tasks.Single(t => t.StepId == stepId);

    // ---- transfer ------------------------------------------------------------------------------

    [Test]
    public void A_transferred_task_is_acted_on_by_the_transferee_alone_and_the_history_names_both()
    {
        var c = InReview();
        c.Must(new TransferTask(Review(c), Reviewer2.Id, "赵强休假，由钱进接办"), Reviewer);

        var refused = c.Refused(c.TryAct("review", "pass", Reviewer));
        refused.Code.Should().Be(RefusalCode.WrongRole);
        refused.Message.Should().Contain("已转办给 业务科室钱进");
        Outlook(c, Reviewer, "review").Actions.Single(a => a.Id == "pass").Permission.Allowed.Should().BeFalse();
        Outlook(c, Reviewer2, "review").Actions.Single(a => a.Id == "pass").Permission.Allowed.Should().BeTrue();
        Outlook(c, Reviewer2, "review").AssignedTo.Should().Be(new RosterMember(Reviewer2.Id, Reviewer2.Name));

        var transferred = c.History.Single(e => e.Type == EventTypes.TaskTransferred);
        transferred.Summary.Should().Contain("转办").And.Contain(Reviewer.Name).And.Contain(Reviewer2.Name).And.Contain("赵强休假");
        c.Act("review", "pass", Reviewer2);
        c.OpenSteps.Should().Equal("approve-deputy");
        c.State.Trail.Last().ActorId.Should().Be(Reviewer2.Id);
    }

    [Test]
    public void Transfers_are_refused_with_reasons()
    {
        var c = InReview();
        var review = Review(c);
        c.Refused(c.Try(new TransferTask(review, Reviewer2.Id, "理由"), Clerk)).Message.Should().Contain("您没有该岗位");
        c.Refused(c.Try(new TransferTask(review, Deputy.Id, "理由"), Reviewer)).Message.Should().Contain("未担任“相关业务科室”岗位");
        c.Refused(c.Try(new TransferTask(review, Retired.Id, "理由"), Reviewer)).Message.Should().Contain("已停用");
        c.Refused(c.Try(new TransferTask(review, Reviewer.Id, "理由"), Reviewer)).Message.Should().Contain("本人");
        c.Refused(c.Try(new TransferTask(review, Reviewer2.Id, " "), Reviewer)).Code.Should().Be(RefusalCode.OpinionRequired);
        var intake = c.State.Trail.Single(t => t.StepId == "intake").TaskId;
        c.Refused(c.Try(new TransferTask(intake, Clerk2.Id, "理由"), Clerk)).Message.Should().Contain("已办结");
        c.History.Should().NotContain(e => e.Type == EventTypes.TaskTransferred);
        Outlook(c, Clerk, "review").Transfer.Allowed.Should().BeFalse();
        Outlook(c, Reviewer, "review").Transfer.Allowed.Should().BeTrue();
    }

    [Test]
    public void The_head_of_the_holders_department_may_transfer_without_holding_the_post()
    {
        var c = InReview();
        Outlook(c, ApprovalChief, "review").Transfer.Allowed.Should().BeTrue();
        c.Must(new TransferTask(Review(c), Reviewer2.Id, "科长调配"), ApprovalChief);
        c.State.FindActive(Review(c))!.AssignedTo.Should().Be(Reviewer2.Id);
        Outlook(c, Director, "review").Transfer.Allowed.Should().BeFalse("the director heads no department of the holders here");
    }

    [Test]
    public void A_transferee_who_reviewed_the_case_cannot_take_over_its_approval()
    {
        var c = InReview();
        c.Act("review", "pass", Dual);
        var refused = c.Refused(c.Try(new TransferTask(c.Task("approve-deputy").TaskId, Dual.Id, "转给孔明"), Deputy));
        refused.Code.Should().Be(RefusalCode.RuleBlocked);
        refused.CheckName.Should().Be("separation-of-duties");
        refused.Message.Should().Contain("兼职副主任孔明 已办理本案“审核”环节");
    }

    // ---- delegation ------------------------------------------------------------------------------

    [Test]
    public void A_stand_in_acts_for_the_principal_within_the_period_and_the_history_says_so()
    {
        var c = InReview(Roster(Standing(Deputy, Member5, ["deputy-director"])));
        c.Act("review", "pass", Reviewer);
        var outlook = Outlook(c, Member5, "approve-deputy");
        outlook.ActingFor.Should().Be(new RosterMember(Deputy.Id, Deputy.Name));
        outlook.Actions.Single(a => a.Id == "agree").Permission.Allowed.Should().BeTrue();

        c.Act("approve-deputy", "agree", Member5);
        var acted = c.History.Last(e => e.Type == EventTypes.ActionTaken);
        acted.ActorId.Should().Be(Member5.Id);
        acted.Summary.Should().StartWith($"{Member5.Name} 代 {Deputy.Name} 在“审批（承诺件）：分管副主任审核”环节办理");
        c.State.Trail.Last().Should().Match<TrailEntry>(t => t.ActorId == Member5.Id && t.OnBehalfOf == Deputy.Id);
    }

    [Test]
    public void Outside_the_period_or_the_posts_named_a_delegation_gives_nothing()
    {
        var late = InReview(Roster(Standing(Deputy, Member5, null, from: "2026-04-01", to: "2026-04-10")));
        late.Act("review", "pass", Reviewer);
        late.Refused(late.TryAct("approve-deputy", "agree", Member5)).Code.Should().Be(RefusalCode.WrongRole);
        Outlook(late, Member5, "approve-deputy").ActingFor.Should().BeNull();

        var otherPost = InReview(Roster(Standing(Deputy, Member5, ["party-group-member"])));
        otherPost.Act("review", "pass", Reviewer);
        otherPost.Refused(otherPost.TryAct("approve-deputy", "agree", Member5)).Code.Should().Be(RefusalCode.WrongRole);
    }

    [Test]
    public void A_stand_in_cannot_pass_the_delegation_on()
    {
        var c = InReview(Roster(Standing(Deputy, Member5, null), Standing(Member5, Finance, null)));
        c.Act("review", "pass", Reviewer);
        c.Refused(c.TryAct("approve-deputy", "agree", Finance)).Code.Should().Be(RefusalCode.WrongRole);
    }

    [Test]
    public void A_stand_in_cannot_approve_what_they_reviewed_nor_what_their_principal_reviewed()
    {
        var own = InReview(Roster(Standing(Deputy, Reviewer, ["deputy-director"])));
        own.Act("review", "pass", Reviewer);
        var refused = own.Refused(own.TryAct("approve-deputy", "agree", Reviewer));
        refused.CheckName.Should().Be("separation-of-duties");
        refused.Message.Should().Contain("业务科室赵强 已办理本案“审核”环节");

        var principals = InReview(Roster(Standing(Dual, Member5, ["deputy-director"])));
        principals.Act("review", "pass", Dual);
        principals.Refused(principals.TryAct("approve-deputy", "agree", Member5)).Message.Should().Contain("兼职副主任孔明 已办理本案“审核”环节");
    }

    [Test]
    public void The_assignees_stand_in_may_act_on_a_transferred_task()
    {
        var c = InReview(Roster(Standing(Reviewer2, Finance, ["business-section"])));
        c.Must(new TransferTask(Review(c), Reviewer2.Id, "转钱进"), Reviewer);
        c.Act("review", "pass", Finance);
        c.History.Last(e => e.Type == EventTypes.ActionTaken).ActorName.Should().Be($"{Finance.Name} 代 {Reviewer2.Name}");
    }

    // ---- added signers ---------------------------------------------------------------------------

    [Test]
    public void A_signer_before_signs_first_then_the_holder_acts()
    {
        var c = InReview();
        c.Must(new AddSigner(Review(c), ApprovalChief.Id, SignerPosition.Before, "涉及审批科意见"), Reviewer);
        c.Refused(c.TryAct("review", "pass", Reviewer)).Message.Should().Contain("须待加签人 审批科科长周敏 签署");
        Outlook(c, ApprovalChief, "review").Sign.Allowed.Should().BeTrue();
        Outlook(c, Reviewer, "review").Sign.Allowed.Should().BeFalse();
        c.Refused(c.Try(new SignTask(Review(c), true, "同意"), Reviewer)).Code.Should().Be(RefusalCode.WrongRole);

        c.Must(new SignTask(Review(c), true, "材料齐全，同意"), ApprovalChief);
        c.Act("review", "pass", Reviewer);
        c.OpenSteps.Should().Equal("approve-deputy");
        c.History.Select(e => e.Type).Should().ContainInOrder(EventTypes.SignerAdded, EventTypes.SignerSigned, EventTypes.ActionTaken);
        c.History.Single(e => e.Type == EventTypes.SignerAdded).Summary.Should().Contain("加签").And.Contain("审批科科长周敏");
    }

    [Test]
    public void A_signer_after_must_sign_before_the_case_moves_on_and_may_send_the_action_back()
    {
        var c = InReview();
        c.Must(new AddSigner(Review(c), Finance.Id, SignerPosition.After, "涉及收费"), Reviewer);
        c.Act("review", "pass", Reviewer);
        c.OpenSteps.Should().Equal("review");
        Outlook(c, Reviewer, "review").AwaitingSigners.Should().BeTrue();

        c.Must(new SignTask(Review(c), false, "收费依据不清"), Finance);
        c.OpenSteps.Should().Equal("review");
        c.State.FindActive(Review(c))!.Pending.Should().BeNull();

        c.Act("review", "pass", Reviewer, opinion: "已补充收费依据");
        c.Must(new SignTask(Review(c), true, "同意"), Finance);
        c.OpenSteps.Should().Equal("approve-deputy");
        c.State.Trail.Last().ActorId.Should().Be(Reviewer.Id, "the holder finished the step; the signer only signed");
    }

    [Test]
    public void Signers_are_added_only_where_the_step_permits_and_never_someone_separation_excludes()
    {
        var fresh = new CaseDriver(Repo.Flow("licensing-approval"), Start, roster: Roster())
            .Start(new { applicant = "康宁妇产医院", contact = "0735-2222222", item = "母婴保健技术服务机构执业许可", kind = "承诺件" }, Clerk);
        fresh.Refused(fresh.Try(new AddSigner(fresh.Task("intake").TaskId, Clerk2.Id, SignerPosition.Before, "理由"), Clerk))
            .Message.Should().Contain("不允许加签");

        var c = InReview();
        c.Refused(c.Try(new AddSigner(Review(c), ApprovalChief.Id, SignerPosition.Before, "理由"), Clerk)).Code.Should().Be(RefusalCode.WrongRole);
        c.Refused(c.Try(new AddSigner(Review(c), Reviewer.Id, SignerPosition.Before, "理由"), Reviewer)).Message.Should().Contain("本人");
        c.Act("review", "pass", Reviewer);
        var refused = c.Refused(c.Try(new AddSigner(c.Task("approve-deputy").TaskId, Reviewer.Id, SignerPosition.After, "理由"), Deputy));
        refused.CheckName.Should().Be("separation-of-duties");
    }

    // ---- urges -----------------------------------------------------------------------------------

    private static readonly Oversight Supervision = new(true, new HashSet<string>());

    [Test]
    public void Supervisors_and_the_leaders_of_a_participant_may_urge_and_the_outlook_says_what_the_runtime_does()
    {
        var c = InReview();
        var leader = new Oversight(false, new HashSet<string> { Clerk.Id });
        var elsewhere = new Oversight(false, new HashSet<string> { "someone-else" });

        c.Runtime.Describe(c.Definition, c.State, Discipline, c.Now, Supervision).Urge.Allowed.Should().BeTrue();
        c.Runtime.Describe(c.Definition, c.State, ApprovalChief, c.Now, leader).Urge.Allowed.Should().BeTrue();
        var refused = c.Runtime.Describe(c.Definition, c.State, ApprovalChief, c.Now, elsewhere).Urge;
        refused.Should().Match<Permission>(p => !p.Allowed && p.Code == RefusalCode.WrongRole && p.Reason == UrgeRight.NotOverseer);
        c.Runtime.Describe(c.Definition, c.State, Discipline, c.Now).Urge.Allowed.Should().BeFalse("no oversight was reported");

        c.Refused(c.Try(new UrgeCase(null, "请说明进度", c.Now.AddDays(1)) { Oversight = elsewhere }, ApprovalChief)).Code.Should().Be(RefusalCode.WrongRole);
        c.Refused(c.Try(new UrgeCase(null, "请说明进度", c.Now.AddDays(1)), Discipline)).Code.Should().Be(RefusalCode.WrongRole);
        c.Must(new UrgeCase(null, "请说明进度", c.Now.AddDays(1)) { Oversight = leader }, ApprovalChief);
        c.State.Urges.Single().ById.Should().Be(ApprovalChief.Id);
    }

    [Test]
    public void An_urge_answered_in_time_is_in_the_history_and_the_ledger_once()
    {
        var c = InReview();
        c.Must(new UrgeCase(Review(c), "请加快审核", c.Now.AddDays(1)) { Oversight = Supervision }, Discipline);
        c.Ledger.Should().ContainSingle(r => r.RiskPointId == "督办" && r.RiskText == "督办");
        c.Runtime.Describe(c.Definition, c.State, Reviewer, c.Now).Urges.Single().Answer.Allowed.Should().BeTrue();
        c.Runtime.Describe(c.Definition, c.State, Clerk, c.Now).Urges.Single().Answer.Allowed.Should().BeFalse();

        c.Must(new AnswerUrge("u1", "今日办结"), Reviewer);
        c.State.Urges.Single().Should().Match<Urge>(u => u.Answer == "今日办结" && !u.Late);
        c.History.Should().Contain(e => e.Type == EventTypes.UrgeAnswered && e.Summary.Contains("今日办结"));
        c.Ledger.Should().HaveCount(1);
        c.Refused(c.Try(new AnswerUrge("u1", "再答"), Reviewer)).Message.Should().Contain("已答复");
    }

    [Test]
    public void An_urge_not_answered_by_its_reply_by_is_late_by_timer_and_a_late_answer_is_recorded()
    {
        var c = InReview(Roster(Standing(Reviewer, Finance, ["business-section"])));
        c.Must(new UrgeCase(Review(c), "请说明进度", c.Now.AddHours(4)) { Oversight = Supervision }, Discipline);
        c.Refused(c.Try(new UrgeCase(null, "x", c.Now.AddHours(-1)) { Oversight = Supervision }, Discipline)).Message.Should().Contain("须晚于现在");
        c.AdvanceTo(c.Now.AddHours(5));
        c.State.Urges.Single().Late.Should().BeTrue();
        c.History.Should().Contain(e => e.Type == EventTypes.UrgeOverdue);
        c.Ledger.Should().Contain(r => r.RiskText == "督办逾期未回复");

        c.Must(new AnswerUrge("u1", "已补正"), Finance);
        c.Ledger.Should().Contain(r => r.RiskText == "督办逾期回复" && r.ActorName == $"{Finance.Name} 代 {Reviewer.Name}");
    }

    [Test]
    public void An_escalation_is_answered_by_the_leader_it_was_put_to()
    {
        var c = InReview();
        c.Must(new EscalateCase(Deputy.Id, "红牌已持续 3 个工作日", c.Now.AddDays(2)), Actor.System);
        c.Refused(c.Try(new EscalateCase(Deputy.Id, "again", c.Now.AddDays(2)), Actor.System)).Code.Should().Be(RefusalCode.NotAllowedNow);
        c.Refused(c.Try(new AnswerUrge("u1", "知道"), Reviewer)).Code.Should().Be(RefusalCode.WrongRole);
        c.Must(new AnswerUrge("u1", "已责成加快办理"), Deputy);
        c.History.Should().Contain(e => e.Type == EventTypes.Escalated && e.Summary.Contains(Deputy.Name));
    }
}
