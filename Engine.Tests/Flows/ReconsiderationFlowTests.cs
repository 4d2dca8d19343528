using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;
using static WorkflowEngine.Tests.Support.People;

namespace WorkflowEngine.Tests.Flows;

/// <summary>行政复议 under the 2023 law: every branch through the real runtime and calendar.</summary>
public class ReconsiderationFlowTests
{
    private static readonly string[] AllConditions = ["respondent-clear", "request-and-facts", "within-scope", "within-period"];
    private static readonly Actor BodyHead = Make("body-head", "政策法规科科长杨帆", "approval-section-chief");

    private static CaseDriver NewCase(string start = "2026-03-02T10:00+08:00") =>
        new CaseDriver(Repo.Flow("administrative-reconsideration"), CaseDriver.At(start))
            .Start(new { applicant = "张某", respondent = "某县卫生健康局", contestedAct = "行政处罚决定", request = "撤销处罚决定", applicationMethod = "书面申请" }, Officer);

    private static CaseDriver InHearing() => NewCase()
        .Act("acceptance-review", "accept", Officer, new { conditions = AllConditions })
        .Act("stay-decision", "no-stay", Officer)
        .Act("respondent-copy", "sent", Officer)
        .Act("respondent-reply", "received", Officer, new { replyReceivedOn = "2026-03-10" });

    [Test]
    public void Accepted_case_is_heard_decided_and_delivered()
    {
        var c = NewCase();
        c.State.Clock.StartedAt.Should().BeNull("the 60 days run from acceptance, not from receipt (行政复议法第六十二条)");
        c.Act("acceptance-review", "accept", Officer, new { conditions = AllConditions });
        c.Deadline(LimitKind.Statutory).DueAt.Should().Be(CaseDriver.At("2026-05-07T00:00+08:00"),
            "60 calendar days from 2026-03-02 end on 05-01, a holiday (劳动节 05-01…05-05), so the period ends on 05-06");

        c = InHearing().Act("hearing", "propose", Officer, new { decisionType = "撤销", decisionReasons = "原处罚认定事实不清" }, "原处罚认定事实不清");
        c.Act("decision", "approve", Director, opinion: "同意撤销");
        c.State.Clock.StoppedAt.Should().NotBeNull("the decision is made");
        c.Act("delivery", "delivered", Officer, new { deliveryMethod = "邮寄送达" });

        c.State.EndStepId.Should().Be("decided");
        c.Ledger.Should().BeEmpty();
        c.State.Documents.Select(d => d.Kind).Should().Equal(
            [DocumentKind.ReconsiderationAcceptanceNotice, DocumentKind.ReconsiderationDecision],
            "acceptance and the approved decision are written documents of the reconsideration law, not licensing notices");
    }

    [Test]
    public void Silence_past_the_five_day_review_means_the_application_is_accepted()
    {
        var c = NewCase().AdvanceTo("2026-03-10T00:00+08:00");

        c.OpenSteps.Should().BeEquivalentTo("stay-decision", "respondent-copy");
        c.History.Should().Contain(e => e.Type == EventTypes.DeemedOutcome && e.Summary.Contains("视为受理"));
        c.State.Clock.StartedAt.Should().Be(c.Now, "deemed acceptance starts the 60 days");
    }

    [Test]
    public void The_correction_period_runs_from_the_applicants_receipt_and_no_reply_in_ten_working_days_means_abandoned()
    {
        var c = NewCase().SetTime("2026-03-03T10:00+08:00")
            .Act("acceptance-review", "request-correction", Officer, new { missingItems = new[] { "原行政行为文书" } }, "请补正");
        c.OpenSteps.Should().Equal("correction-delivery");
        c.State.Documents.Single().Kind.Should().Be(DocumentKind.ReconsiderationCorrectionNotice);

        c.SetTime("2026-03-06T10:00+08:00").Act("correction-delivery", "received", Officer, new { correctionNoticeReceivedOn = "2026-03-06" });
        c.AdvanceTo("2026-03-20T10:00+08:00");
        var outlook = c.Runtime.Describe(c.Definition, c.State, Officer, c.Now);
        var applicants = outlook.Deadlines.Should().ContainSingle(d => d.Kind == LimitKind.Outside, "the applicant's 10 days are shown as their own limit").Subject;
        applicants.Party.Should().Be("申请人");
        applicants.LastDay.Should().Be(new DateOnly(2026, 3, 20));
        applicants.Level.Should().Be(DeadlineLevel.Yellow);
        applicants.Basis.Should().StartWith("行政复议法第三十一条");
        outlook.Tasks.Single().Deadline.Should().BeNull("the applicant's time is not the agency's step limit");
        c.Timers.Should().NotContain(t => t.TaskId == c.Task("correction").TaskId && t.Kind != TimerKind.Timeout,
            "no yellow or red card is raised against the agency for the applicant's time");
        c.OpenSteps.Should().Equal(["correction"], "ten working days from receipt on 03-06 end on 03-20");

        c.AdvanceTo("2026-03-21T00:00+08:00");
        c.State.EndStepId.Should().Be("abandoned");
        c.State.Outcome.Should().Be(EndOutcome.Withdrawn);
        c.History.Should().Contain(e => e.Type == EventTypes.DeemedOutcome && e.Summary.Contains("视为放弃"));
    }

    [Test]
    public void The_correction_period_may_be_extended_for_good_cause()
    {
        var c = NewCase().SetTime("2026-03-03T10:00+08:00")
            .Act("acceptance-review", "request-correction", Officer, new { missingItems = new[] { "身份证明" } }, "请补正")
            .Act("correction-delivery", "received", Officer, new { correctionNoticeReceivedOn = "2026-03-03" });
        c.Refused(c.TryAct("correction", "extend-correction", Officer, opinion: "申请人住院")).Code.Should().Be(RefusalCode.MissingField);
        c.Act("correction", "extend-correction", Officer, new { correctionExtensionReason = "申请人住院治疗" }, "有正当理由，延长补正期限");
        c.AdvanceTo("2026-03-16T00:00+08:00");
        c.OpenSteps.Should().Equal("correction-extended");
        c.Act("correction-extended", "corrected", Officer);
        c.OpenSteps.Should().Equal("acceptance-review");
    }

    [Test]
    public void The_sixty_days_and_the_seven_day_copy_run_from_acceptance_not_from_receipt()
    {
        var c = NewCase().SetTime("2026-03-03T10:00+08:00")
            .Act("acceptance-review", "request-correction", Officer, new { missingItems = new[] { "身份证明" } }, "请补正")
            .Act("correction-delivery", "received", Officer, new { correctionNoticeReceivedOn = "2026-03-04" })
            .SetTime("2026-03-09T10:00+08:00").Act("correction", "corrected", Officer)
            .SetTime("2026-03-10T10:00+08:00").Act("acceptance-review", "accept", Officer, new { conditions = AllConditions });

        c.OpenSteps.Should().BeEquivalentTo(["stay-decision", "respondent-copy"], "the copy goes out within 7 days of acceptance whatever the stay decision");
        c.Deadline(LimitKind.Statutory).DueAt.Should().Be(CaseDriver.At("2026-05-10T00:00+08:00"),
            "60 days from acceptance on 03-10 end on 05-09, a make-up working day");
        var copy = c.Timers.Single(t => t.Key == TimerKeys.StepLimit(c.Task("respondent-copy").TaskId, DeadlineLevel.Red));
        copy.FireAt.Should().Be(CaseDriver.At("2026-03-20T00:00+08:00"), "7 working days from 03-10");
    }

    [Test]
    public void The_parties_are_heard_and_a_hearing_is_notified_in_writing_and_held_by_three()
    {
        var c = InHearing();
        c.Act("hearing", "hear", Officer);
        c.Act("hear-parties", "recorded", Officer, new { partiesHeardRecord = "电话听取申请人、被申请人意见" });
        c.Act("hearing", "hold-hearing", Officer, opinion: "案情复杂，组织听证");
        c.Refused(c.TryAct("hearing-notice", "notified", Officer, new { hearingNoticeNo = "听通〔2026〕1号" })).Code.Should().Be(RefusalCode.MissingField);
        c.Act("hearing-notice", "notified", Officer, new { hearingNoticeNo = "听通〔2026〕1号", hearingNoticeSentOn = "2026-03-12", hearingDate = "2026-03-18" });
        c.Refused(c.TryAct("formal-hearing", "held", Officer, new { hearingOfficers = new[] { "甲", "乙" }, hearingRecord = "笔录" }))
            .Message.Should().Contain("不少于 3 人");
        c.Act("formal-hearing", "held", Officer, new { hearingOfficers = new[] { "甲", "乙", "丙" }, hearingRecord = "听证笔录" });
        c.OpenSteps.Should().Equal("hearing");
        c.State.Clock.Pauses.Should().BeEmpty("hearing the parties and 听证 count toward the 60 days");
        c.Ledger.Should().BeEmpty();
    }

    [Test]
    public void Telling_the_applicant_the_competent_body_is_enforced_by_risk_point_two()
    {
        var c = NewCase();
        var refused = c.Refused(c.TryAct("acceptance-review", "not-competent", Officer, new { competentBody = "市人民政府", refusalGround = "被申请人系市人民政府工作部门" }, "不属于本机关管辖"));
        refused.RiskPointId.Should().Be("②");
        refused.Message.Should().Contain("须书面告知申请人");

        c.Act("acceptance-review", "not-competent", Officer,
            new { competentBody = "市人民政府", refusalGround = "被申请人系市人民政府工作部门", applicantInformed = true }, "不属于本机关管辖");
        c.State.EndStepId.Should().Be("not-competent");
        c.State.Documents.Single().Kind.Should().Be(DocumentKind.ReconsiderationRefusalDecision,
            "行政复议法第三十条：the competent body is named in the refusal decision");
    }

    [Test]
    public void Refusal_needs_its_ground_and_issues_the_refusal_decision()
    {
        var c = NewCase();
        c.Refused(c.TryAct("acceptance-review", "refuse", Officer, opinion: "超过申请期限")).Message.Should().Be("办理“决定不予受理”须先填写：不予受理的理由（载入不予受理决定书）。");
        c.Act("acceptance-review", "refuse", Officer, new { refusalGround = "申请超过法定申请期限" }, "超过申请期限");
        c.State.Outcome.Should().Be(EndOutcome.Denied);
        c.State.Documents.Single().Kind.Should().Be(DocumentKind.ReconsiderationRefusalDecision);
    }

    [Test]
    public void Respondent_silence_lets_the_hearing_go_on()
    {
        var c = NewCase()
            .Act("acceptance-review", "accept", Officer, new { conditions = AllConditions })
            .Act("stay-decision", "stay", Officer, opinion: "申请人要求停止执行，理由合理")
            .Act("respondent-copy", "sent", Officer)
            .AdvanceTo("2026-03-20T00:00+08:00");

        c.OpenSteps.Should().Equal("hearing");
        c.History.Should().Contain(e => e.Type == EventTypes.DeemedOutcome && e.Summary.Contains("逾期未提出书面答复"));
    }

    [Test]
    public void Suspension_moves_the_deadline_by_exactly_the_days_suspended()
    {
        var c = InHearing().SetTime("2026-03-16T10:00+08:00")
            .Act("hearing", "suspend", Officer, new { suspensionNotice = "中止通知〔2026〕1号" }, "需等待相关案件结果");
        c.State.Clock.PauseReason.Should().Contain("第三十九条");

        c.SetTime("2026-04-15T10:00+08:00").Act("suspended", "resume", Officer, new { resumptionNotice = "恢复通知〔2026〕1号" }, "中止原因消除");

        c.OpenSteps.Should().Equal("hearing");
        c.Deadline(LimitKind.Statutory).PausedDays.Should().Be(30);
        c.Deadline(LimitKind.Statutory).DueAt.Should().Be(CaseDriver.At("2026-06-02T00:00+08:00"), "05-01 + 30 days = 05-31, a Sunday: the period ends at 24:00 of Monday 06-01");
    }

    [Test]
    public void Extension_once_by_the_body_head_and_never_twice()
    {
        var c = InHearing();
        c.Refused(c.TryAct("hearing", "extend", Officer, opinion: "情况复杂")).Code.Should().Be(RefusalCode.WrongRole);

        c.Act("hearing", "extend", BodyHead, new { extensionNotice = "延期通知书〔2026〕1号" }, "情况复杂，延长三十日并书面告知当事人");
        c.Deadline(LimitKind.Statutory).DueAt.Should().Be(CaseDriver.At("2026-06-02T00:00+08:00"), "90 days end on 05-31, a Sunday: the period ends at 24:00 of Monday 06-01");
        var again = c.Refused(c.TryAct("hearing", "extend", BodyHead, opinion: "再延"));
        again.Code.Should().Be(RefusalCode.ExtensionCapExceeded);
        again.Message.Should().Contain("最多延期 1 次");
    }

    [Test]
    public void The_head_who_approves_the_decision_may_not_have_heard_the_case()
    {
        var both = Make("both", "兼任", "reconsideration-officer", "director");
        var c = NewCase()
            .Act("acceptance-review", "accept", both, new { conditions = AllConditions })
            .Act("stay-decision", "no-stay", both).Act("respondent-copy", "sent", both)
            .Act("respondent-reply", "received", both, new { replyReceivedOn = "2026-03-10" })
            .Act("hearing", "propose", both, new { decisionType = "维持", decisionReasons = "事实清楚" }, "事实清楚");

        var refused = c.Refused(c.TryAct("decision", "approve", both, new { decisionNo = "1" }, "同意"));
        refused.RiskPointId.Should().Be("④");
    }

    [Test]
    public void Withdrawal_is_allowed_until_the_decision()
    {
        var c = InHearing();
        c.Must(new Withdraw("申请人撤回复议申请"), Officer);
        c.State.EndStepId.Should().Be("withdrawn");
    }
}
