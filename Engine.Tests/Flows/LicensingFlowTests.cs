using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;
using static WorkflowEngine.Tests.Support.People;

namespace WorkflowEngine.Tests.Flows;

/// <summary>行政审批: every branch of the licensing flow through the real runtime and calendar.</summary>
public class LicensingFlowTests
{
    private static readonly string[] AllMaterials = ["application", "identity", "qualification", "premises"];

    private static CaseDriver NewCase(string kind = "承诺件", string start = "2026-03-02T10:00+08:00") =>
        new CaseDriver(Repo.Flow("licensing-approval"), CaseDriver.At(start))
            .Start(new { applicant = "康宁妇产医院", contact = "0735-2222222", item = "母婴保健技术服务机构执业许可", kind }, Clerk);

    private static CaseDriver Accepted(string kind = "承诺件") => NewCase(kind).Act("intake", "accept", Clerk, new { materials = AllMaterials });

    [Test]
    public void Promised_case_runs_from_intake_through_both_approvals_to_the_licence()
    {
        var c = NewCase();
        c.OpenSteps.Should().Equal("intake");

        c.Act("intake", "accept", Clerk, new { materials = AllMaterials });
        c.Deadline(LimitKind.Statutory).DueAt.Should().Be(CaseDriver.At("2026-03-31T00:00+08:00"), "20 working days counted from the day after 2026-03-02");
        c.Deadline(LimitKind.Promised).DueAt.Should().Be(CaseDriver.At("2026-03-24T00:00+08:00"));

        c.Act("review", "pass", Reviewer);
        c.OpenSteps.Should().Equal("approve-deputy");
        c.Act("approve-deputy", "agree", Deputy);
        c.Act("approve-director", "grant", Director);
        c.State.Clock.StoppedAt.Should().NotBeNull("the decision is made: the statutory limit is met");
        c.OpenSteps.Should().BeEquivalentTo(["issue", "publish-decision"], "the licence is issued and the decision published at the same time");
        c.Act("issue", "deliver", Clerk, new { certificateNo = "湘卫母婴字2026第001号", deliveryMethod = "窗口领取" });
        c.State.IsClosed.Should().BeFalse("the decision is not yet published");
        c.Task("publish-decision");
        c.Timers.Single(t => t.Key == TimerKeys.StepLimit(c.Task("publish-decision").TaskId, DeadlineLevel.Red)).FireAt
            .Should().Be(CaseDriver.At("2026-03-12T00:00+08:00"), "7 working days from the decision on 03-02 (国办发〔2018〕118号)");
        c.Act("publish-decision", "published", Clerk, new { publicationRef = "市卫生健康委网站 2026-03-03" });

        c.State.IsClosed.Should().BeTrue();
        c.State.Outcome.Should().Be(EndOutcome.Granted);
        c.History.Select(e => e.Type).Should().ContainInOrder(
            EventTypes.CaseStarted, EventTypes.StepEntered, EventTypes.ActionTaken, EventTypes.ClockStarted,
            EventTypes.ClockStopped, EventTypes.CaseClosed);
        c.Ledger.Should().BeEmpty();
        c.State.Version.Should().Be(7);
    }

    [Test]
    public void Immediate_case_is_decided_at_the_window_by_the_section_chief()
    {
        var c = Accepted("即办件").Act("review", "pass", Reviewer);
        c.OpenSteps.Should().Equal("approve-window");
        c.Act("approve-window", "grant", ApprovalChief);
        c.OpenSteps.Should().BeEquivalentTo("issue", "publish-decision");
        c.History.Should().Contain(e => e.Type == EventTypes.Routed && e.Summary.Contains("kind == '即办件'"));
    }

    [Test]
    public void Acceptance_with_materials_missing_is_blocked_by_risk_point_one()
    {
        var c = NewCase();
        var refused = c.Refused(c.TryAct("intake", "accept", Clerk, new { materials = new[] { "application", "identity" } }));

        refused.Code.Should().Be(RefusalCode.RuleBlocked);
        refused.RiskPointId.Should().Be("①");
        refused.CheckName.Should().Be("materials-complete");
        refused.Message.Should().Be("风险点①（二级风险）：以下必备材料尚未核对齐全：相关专业技术人员资格证书、执业证书、场地、设备配备情况说明。");
        c.State.Version.Should().Be(1, "a refused action changes nothing");
        c.OpenSteps.Should().Equal("intake");
    }

    [Test]
    public void Correction_notice_must_list_every_missing_item_at_once()
    {
        var c = NewCase();
        var refused = c.Refused(c.TryAct("intake", "request-correction", Clerk,
            new { materials = new[] { "application", "identity" }, missingItems = new[] { "qualification" }, correctionRequirements = "请提交复印件并加盖公章" }, "请补正以下材料"));
        refused.CheckName.Should().Be("correction-lists-all-missing");
        refused.Message.Should().Contain("场地、设备配备情况说明");

        c.Act("intake", "request-correction", Clerk,
            new { materials = new[] { "application", "identity" }, missingItems = new[] { "qualification", "premises" }, correctionRequirements = "请提交复印件并加盖公章" }, "请一次性补正以下材料");
        c.OpenSteps.Should().Equal("correction");
        c.Ledger.Should().BeEmpty();
    }

    [Test]
    public void Correction_loop_returns_to_intake_and_a_second_notice_is_a_risk_event()
    {
        var c = NewCase()
            .Act("intake", "request-correction", Clerk, new { materials = new[] { "application" }, missingItems = new[] { "identity", "qualification", "premises" }, correctionRequirements = "请提交复印件并加盖公章" }, "一次性告知")
            .Act("correction", "corrected", Clerk, new { materials = new[] { "application", "identity", "qualification" } });
        c.OpenSteps.Should().Equal("intake");

        c.Act("intake", "request-correction", Clerk, new { missingItems = new[] { "premises" }, correctionRequirements = "请提交复印件并加盖公章" }, "再次告知");

        var risk = c.Ledger.Should().ContainSingle().Subject;
        risk.RiskPointId.Should().Be("①");
        risk.CheckName.Should().Be("single-correction-notice");
        risk.StepId.Should().Be("intake");
        risk.ActorId.Should().Be(Clerk.Id);
        risk.Level.Should().Be(2);
        c.History.Should().Contain(e => e.Type == EventTypes.RiskFlagged);
    }

    [Test]
    public void Refusal_needs_reasons_and_ends_the_case()
    {
        var c = NewCase();
        c.Refused(c.TryAct("intake", "refuse", Clerk, opinion: null)).Code.Should().Be(RefusalCode.OpinionRequired);

        c.Refused(c.TryAct("intake", "refuse", Clerk, opinion: "不属于本机关许可事项")).Message.Should().Contain("不予受理的具体理由");
        c.Act("intake", "refuse", Clerk, new { refusalGround = "申请事项不属于本机关职权范围。" }, "不属于本机关许可事项");
        c.State.IsClosed.Should().BeTrue();
        c.State.EndStepId.Should().Be("refused");
        c.State.Outcome.Should().Be(EndOutcome.Denied);
    }

    [Test]
    public void Without_a_notice_within_five_working_days_the_case_is_deemed_accepted_from_the_day_it_arrived()
    {
        var c = NewCase();
        c.AdvanceTo("2026-03-10T00:00+08:00");

        c.OpenSteps.Should().Equal("review");
        c.History.Should().Contain(e => e.Type == EventTypes.DeemedOutcome && e.Summary.Contains("视为受理"));
        c.State.Trail.Last().Should().Match<TrailEntry>(t => t.StepId == "intake" && t.BySystem && t.ActionId == "deemed-accept");
        c.State.Clock.StartedAt.Should().Be(CaseDriver.At("2026-03-02T10:00+08:00"), "the clock counts from the day the materials arrived");
        c.Deadline(LimitKind.Statutory).DueAt.Should().Be(CaseDriver.At("2026-03-31T00:00+08:00"));
        c.Ledger.Should().ContainSingle().Which.Should().Match<RiskEvent>(r => r.CheckName == "within-time-limit" && r.StepId == "intake",
            "the window let its 1-working-day limit pass");
    }

    [Test]
    public void Expert_review_pauses_the_clock_and_moves_the_deadline_by_exactly_the_working_days_paused()
    {
        var c = Accepted();
        c.Deadline(LimitKind.Statutory).DueAt.Should().Be(CaseDriver.At("2026-03-31T00:00+08:00"));

        c.SetTime("2026-03-03T09:00+08:00");
        c.Refused(c.TryAct("review", "expert-review", Reviewer)).Code.Should().Be(RefusalCode.MissingField,
            "the applicant must be told in writing how long the expert review takes (行政许可法第四十五条)");
        c.Act("review", "expert-review", Reviewer, new { pauseNotice = "专家评审时间告知书〔2026〕1号" });
        c.State.Clock.IsPaused.Should().BeTrue();
        c.History.Should().Contain(e => e.Type == EventTypes.ClockPaused && e.Summary.Contains("行政许可法第四十五条"));

        var oneExpert = c.SetTime("2026-03-06T15:00+08:00").TryAct("expert-review", "done", Reviewer, new { experts = new[] { "张教授" }, inspectionFindings = "符合" });
        c.Refused(oneExpert).Message.Should().Contain("不少于 2 人");

        c.Act("expert-review", "done", Reviewer, new { experts = new[] { "张教授", "李主任" }, inspectionFindings = "场地设备符合要求" });
        c.State.Clock.Pauses.Should().ContainSingle();
        c.Deadline(LimitKind.Statutory).PausedDays.Should().Be(3, "03-04, 03-05 and 03-06 were paused");
        c.Deadline(LimitKind.Statutory).DueAt.Should().Be(CaseDriver.At("2026-04-03T00:00+08:00"), "three working days after 2026-03-30");
        c.Deadline(LimitKind.Promised).DueAt.Should().Be(CaseDriver.At("2026-03-27T00:00+08:00"));
    }

    [Test]
    public void An_on_site_inspection_by_two_staff_counts_toward_the_limit()
    {
        var c = Accepted();
        c.SetTime("2026-03-03T09:00+08:00").Act("review", "inspect", Reviewer);
        c.OpenSteps.Should().Equal("inspection");
        c.State.Clock.IsPaused.Should().BeFalse("现场核查 (Art 34) is not among the periods Art 45 excludes");

        c.Refused(c.SetTime("2026-03-06T15:00+08:00").TryAct("inspection", "done", Reviewer, new { experts = new[] { "张三" }, inspectionFindings = "符合" }))
            .Message.Should().Contain("不少于 2 人");
        c.Act("inspection", "done", Reviewer, new { experts = new[] { "张三", "李四" }, inspectionFindings = "场地设备符合要求" });
        c.State.Clock.Pauses.Should().BeEmpty();
        c.Deadline(LimitKind.Statutory).DueAt.Should().Be(CaseDriver.At("2026-03-31T00:00+08:00"), "the deadline does not move");
    }

    [Test]
    public void A_hearing_is_offered_requested_within_five_days_notified_seven_days_ahead_and_its_time_does_not_count()
    {
        var c = Accepted();
        c.SetTime("2026-03-03T09:00+08:00").Act("review", "hearing-right", Reviewer, new { pauseNotice = "听证告知书〔2026〕1号" }, "涉及相邻权人重大利益");
        c.State.Clock.PauseReason.Should().Contain("听证");
        c.Act("hearing", "requested", Reviewer, new { hearingRequestedOn = "2026-03-05" });
        c.Act("hearing-notice", "notified", Reviewer, new { hearingNoticeNo = "听通〔2026〕1号", hearingNoticeSentOn = "2026-03-06", hearingDate = "2026-03-16" });

        var reviewerHosts = c.TryAct("hearing-held", "held", Reviewer, new { hearingHost = "赵强", hearingRecord = "笔录" });
        c.Refused(reviewerHosts).RiskPointId.Should().Be("②", "the person who reviewed the application does not host the hearing");
        c.SetTime("2026-03-16T17:00+08:00").Act("hearing-held", "held", Make("host", "业务科室钱程", "business-section"), new { hearingHost = "周敏", hearingRecord = "听证笔录已签字确认" });

        c.OpenSteps.Should().Equal("review");
        c.Ledger.Should().BeEmpty("the notice went out 10 days ahead and the hearing was within 20 days of the request");
        c.Deadline(LimitKind.Statutory).PausedDays.Should().Be(9, "03-04 … 03-16 are not counted (行政许可法第四十五条)");
    }

    [Test]
    public void Without_a_hearing_request_in_five_working_days_the_review_goes_on()
    {
        var c = Accepted().SetTime("2026-03-03T09:00+08:00")
            .Act("review", "hearing-right", Reviewer, new { pauseNotice = "听证告知书" }, "告知听证权利");
        c.AdvanceTo("2026-03-11T00:00+08:00");
        c.OpenSteps.Should().Equal("review");
        c.History.Should().Contain(e => e.Type == EventTypes.DeemedOutcome && e.Summary.Contains("5 日内未提出听证申请"));
    }

    [Test]
    public void A_pause_across_a_holiday_counts_only_working_days()
    {
        var c = new CaseDriver(Repo.Flow("licensing-approval"), CaseDriver.At("2026-09-21T10:00+08:00"))
            .Start(new { applicant = "甲", contact = "1", item = "乙", kind = "承诺件" }, Clerk)
            .Act("intake", "accept", Clerk, new { materials = AllMaterials })
            .SetTime("2026-09-24T10:00+08:00").Act("review", "expert-review", Reviewer, new { pauseNotice = "告知书" })
            .SetTime("2026-10-09T10:00+08:00")
            .Act("expert-review", "done", Reviewer, new { experts = new[] { "甲", "乙" }, inspectionFindings = "符合" });

        // Paused days in (09-24, 10-09]: 09-25..09-27 中秋 off, 09-28..09-30 work, 10-01..10-07 国庆 off, 10-08 and 10-09 work.
        c.Deadline(LimitKind.Statutory).PausedDays.Should().Be(5);
    }

    [Test]
    public void The_head_extends_once_by_ten_working_days_and_a_second_extension_is_over_the_cap()
    {
        var c = Accepted().Act("review", "pass", Reviewer).Act("approve-deputy", "agree", Deputy);
        var before = c.Deadline(LimitKind.Statutory).DueAt;

        c.Refused(c.TryAct("approve-director", "extend", Director, opinion: "情况复杂，需延长十日")).Code.Should().Be(RefusalCode.MissingField,
            "the reasons for an extension are told to the applicant in writing (行政许可法第四十二条)");
        c.Act("approve-director", "extend", Director, new { extensionReason = "申请事项涉及多个科室联合审查，情况复杂" }, "情况复杂，需延长十日，已告知申请人理由");
        c.OpenSteps.Should().Equal(["approve-director"], "an extension does not move the case");
        c.Deadline(LimitKind.Statutory).DueAt.Should().Be(CaseDriver.At("2026-04-15T00:00+08:00"), "30 working days: 清明 04-04…04-06 is skipped");
        before.Should().Be(CaseDriver.At("2026-03-31T00:00+08:00"));
        c.Deadline(LimitKind.Statutory).ExtensionAmount.Should().Be(10);

        var again = c.Refused(c.TryAct("approve-director", "extend", Director, opinion: "再延"));
        again.Code.Should().Be(RefusalCode.ExtensionCapExceeded);
        again.Message.Should().Contain("最多 10个工作日");
    }

    [Test]
    public void Only_the_head_may_extend()
    {
        var c = Accepted();
        var refused = c.Refused(c.TryAct("review", "extend", Reviewer, opinion: "申请延期"));
        refused.Code.Should().Be(RefusalCode.WrongRole);
        refused.Message.Should().Be("“审核”环节的“延长办理期限（主任批准）”须由“本委主任”岗位办理，您没有该岗位。");

        c.Act("review", "extend", Director, new { extensionReason = "需征求有关部门意见" }, "同意延期");
        c.Deadline(LimitKind.Statutory).ExtensionAmount.Should().Be(10);
    }

    [Test]
    public void The_approver_may_not_be_the_person_who_reviewed()
    {
        var both = Make("both", "兼任人员", "business-section", "deputy-director");
        var c = Accepted().Act("review", "pass", both);
        var refused = c.Refused(c.TryAct("approve-deputy", "agree", both));

        refused.Code.Should().Be(RefusalCode.RuleBlocked);
        refused.RiskPointId.Should().Be("③");
        refused.Message.Should().Contain("兼任人员 已办理本案“审核”环节");
    }

    [Test]
    public void Withdrawal_ends_the_case_before_the_decision_and_is_refused_after_it()
    {
        var c = Accepted();
        c.Must(new Withdraw("申请人书面申请撤回"), Clerk);
        c.State.EndStepId.Should().Be("withdrawn");
        c.State.Outcome.Should().Be(EndOutcome.Withdrawn);

        var decided = Accepted("即办件").Act("review", "pass", Reviewer).Act("approve-window", "grant", ApprovalChief);
        decided.Refused(decided.Try(new Withdraw("撤回"), Clerk)).Message.Should().Contain("已不能撤回");
    }

    [Test]
    public void Running_over_raises_step_and_case_alerts_once_each_and_flags_the_late_step()
    {
        var c = Accepted();
        c.AdvanceTo("2026-04-02T00:00+08:00");

        c.Alerts.Should().Contain(a => a.Level == DeadlineLevel.Yellow && a.Limit == LimitKind.Step && a.StepId == "review");
        c.Alerts.Should().Contain(a => a.Level == DeadlineLevel.Red && a.Limit == LimitKind.Step && a.StepId == "review");
        c.Alerts.Should().ContainSingle(a => a.Level == DeadlineLevel.Yellow && a.Limit == LimitKind.Statutory);
        c.Alerts.Should().ContainSingle(a => a.Level == DeadlineLevel.Red && a.Limit == LimitKind.Statutory);
        var red = c.AlertTimes[c.Alerts.FindIndex(a => a.Level == DeadlineLevel.Red && a.Limit == LimitKind.Statutory)];
        red.Should().Be(CaseDriver.At("2026-03-31T00:00+08:00"), "red at 24:00 of the last day");
        var yellow = c.AlertTimes[c.Alerts.FindIndex(a => a.Level == DeadlineLevel.Yellow && a.Limit == LimitKind.Statutory)];
        yellow.Should().Be(CaseDriver.At("2026-03-27T00:00+08:00"), "yellow when 18 of 20 working days are used (90%)");

        c.Must(new TakeAction(c.Task("review").TaskId, "pass", CaseDriver.Data(null), "同意"), Reviewer);
        c.Ledger.Should().ContainSingle(r => r.CheckName == "within-time-limit" && r.RiskPointId == "②");
    }

    [Test]
    public void A_timer_fired_twice_changes_nothing_the_second_time()
    {
        var c = Accepted();
        var key = TimerKeys.CaseLimit(LimitKind.Statutory, DeadlineLevel.Red);
        c.AdvanceTo("2026-04-01T00:00+08:00");
        var version = c.State.Version;

        c.Try(new FireTimer(key), Actor.System).Should().BeOfType<Unchanged>();
        c.State.Version.Should().Be(version);
    }

    [Test]
    public void A_timer_that_is_not_yet_due_is_ignored()
    {
        var c = Accepted();
        c.Try(new FireTimer(TimerKeys.CaseLimit(LimitKind.Statutory, DeadlineLevel.Red)), Actor.System).Should().BeOfType<Unchanged>();
        c.Alerts.Should().BeEmpty();
    }

    [Test]
    public void Refusals_are_explicit_and_change_nothing()
    {
        var c = NewCase();
        c.Refused(c.TryAct("intake", "accept", Reviewer, new { materials = AllMaterials })).Code.Should().Be(RefusalCode.WrongRole);
        c.Refused(c.TryAct("intake", "approve", Clerk)).Code.Should().Be(RefusalCode.UnknownAction);
        c.Refused(c.TryAct("intake", "deemed-accept", Clerk)).Code.Should().Be(RefusalCode.NotAllowedNow);
        c.Refused(c.Try(new TakeAction("t99", "accept", CaseDriver.Data(null), null), Clerk)).Code.Should().Be(RefusalCode.UnknownTask);
        c.Refused(c.Try(new TakeAction(c.Task("intake").TaskId, "accept", CaseDriver.Data(new { materials = AllMaterials }), null) { ExpectedVersion = 0 }, Clerk))
            .Code.Should().Be(RefusalCode.StaleVersion);
        c.Refused(c.TryAct("intake", "accept", Clerk, new { materials = AllMaterials, amount = 5 })).Message.Should().Be("未知字段“amount”：本流程没有这个字段。");
        c.Refused(c.TryAct("intake", "accept", Clerk, new { kind = "加急件" })).Code.Should().Be(RefusalCode.InvalidData);
        c.State.Version.Should().Be(1);

        c.Act("intake", "refuse", Clerk, new { refusalGround = "不符合条件" }, "不符合条件");
        c.Refused(c.Try(new Withdraw("撤回"), Clerk)).Code.Should().Be(RefusalCode.CaseClosed);
    }

    [Test]
    public void Starting_needs_the_required_fields_and_the_intake_post()
    {
        var definition = Repo.Flow("licensing-approval");
        var c = new CaseDriver(definition, CaseDriver.At("2026-03-02"));
        var missing = c.Refused(c.Try(new StartCase("c", CaseDriver.Data(new { applicant = "甲" })), Clerk));
        missing.Code.Should().Be(RefusalCode.MissingField);
        missing.Message.Should().Be("缺少必填项：联系电话、申请事项、办件类型。");

        c.Refused(c.Try(new StartCase("c", CaseDriver.Data(new { applicant = "甲", contact = "1", item = "乙", kind = "即办件" })), Reviewer))
            .Code.Should().Be(RefusalCode.WrongRole);
    }
}
