using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;
using static WorkflowEngine.Tests.Support.People;

namespace WorkflowEngine.Tests.Flows;

/// <summary>
/// 行政复议 after 2024-01-01: the commission is the 被申请人 (行政复议法第二十四条); the authority-side flows stay for
/// vertically managed systems, and the simplified procedure runs 30 days.
/// </summary>
public class ReconsiderationRespondentFlowTests
{
    private static readonly Actor LegalChief = Make("legal-chief", "政策法规科科长杨帆", "approval-section-chief");

    private static CaseDriver NewCase() =>
        new CaseDriver(Repo.Flow("administrative-reconsideration-respondent"), CaseDriver.At("2026-03-02T10:00+08:00"))
            .Start(new { applicant = "张某", reconsiderationBody = "市人民政府", contestedAct = "行政处罚决定", copyReceivedOn = "2026-03-02" }, Officer);

    private static CaseDriver Replied() => NewCase()
        .Act("register", "assign", Officer, new { handlingSection = "医政医管科" })
        .Act("prepare-reply", "draft", Reviewer, new { evidenceList = new[] { "现场检查笔录", "询问笔录" }, legalBasis = "医疗机构管理条例", replyDraft = "答复如下……" })
        .Act("legal-review", "pass", LegalChief)
        .Act("sign", "sign", Deputy)
        .Act("submit", "submitted", Officer, new { replyNo = "某卫复答〔2026〕1号" });

    [Test]
    public void The_written_reply_with_evidence_is_due_ten_working_days_after_the_copy_arrives()
    {
        var c = NewCase();
        c.Deadline(LimitKind.Statutory).DueAt.Should().Be(CaseDriver.At("2026-03-17T00:00+08:00"), "10 working days after 03-02 (行政复议法第四十八条、第八十八条)");
        c.Definition.Limits!.Statutory!.Basis.Should().Contain("第七十条");

        c = Replied();
        c.State.Clock.StoppedAt.Should().NotBeNull("the reply is in: the respondent's limit is met");
        c.OpenSteps.Should().Equal("hearing");
        c.Ledger.Should().BeEmpty();
        c.State.Documents.Should().ContainSingle(d => d.Kind == DocumentKind.ReconsiderationReply && d.StepId == "sign",
            "the head's signature issues the written reply (答复书) the respondent submits");
    }

    [Test]
    public void The_respondent_takes_part_in_the_hearing_then_performs_and_reports_a_decision_against_it()
    {
        var c = Replied();
        c.Act("hearing", "hearing-attended", Officer, new { attendees = new[] { "分管委领导", "医政医管科科长" } });
        c.Act("await-decision", "received", Officer, new { decisionNo = "某府复决〔2026〕3号", decisionType = "撤销" });
        c.OpenSteps.Should().Equal("perform");
        c.Act("perform", "performed", Reviewer, new { performanceRecord = "已撤销原处罚决定" }, "按决定履行");
        c.Act("report", "reported", Officer, new { performanceReportNo = "某卫报〔2026〕2号" });
        c.State.EndStepId.Should().Be("performed");
    }

    [Test]
    public void A_decision_upholding_the_act_is_filed()
    {
        var c = Replied().Act("hearing", "written-review", Officer)
            .Act("await-decision", "received", Officer, new { decisionNo = "某府复决〔2026〕4号", decisionType = "维持" });
        c.State.EndStepId.Should().Be("upheld");
    }

    [Test]
    public void Both_sides_say_which_regime_they_serve()
    {
        var respondent = Repo.Flow("administrative-reconsideration-respondent");
        var authority = Repo.Flow("administrative-reconsideration");
        var simplified = Repo.Flow("administrative-reconsideration-simplified");

        respondent.Description.Should().Contain("被申请人").And.Contain("第二十四条").And.Contain("administrative-reconsideration");
        foreach (var flow in new[] { authority, simplified })
        {
            flow.Description.Should().Contain("垂直领导").And.Contain("administrative-reconsideration-respondent");
            flow.Name.Should().Contain("复议机关一侧");
        }
    }

    [Test]
    public void The_simplified_procedure_decides_within_thirty_days_of_acceptance_with_three_and_five_day_steps()
    {
        var c = new CaseDriver(Repo.Flow("administrative-reconsideration-simplified"), CaseDriver.At("2026-03-02T10:00+08:00"))
            .Start(new { applicant = "李某", respondent = "某县卫生健康局", contestedAct = "政府信息公开答复", request = "撤销答复",
                         applicationMethod = "书面申请", simplifiedGround = "政府信息公开案件" }, Officer);
        c.State.Clock.StartedAt.Should().BeNull();
        c.Act("acceptance-review", "accept", Officer, new { conditions = new[] { "respondent-clear", "request-and-facts", "within-scope", "within-period" } });

        c.Deadline(LimitKind.Statutory).DueAt.Should().Be(CaseDriver.At("2026-04-02T00:00+08:00"), "30 days from 03-02 end on 04-01 (行政复议法第六十二条)");
        c.Definition.Limits!.Extension.Should().BeNull("the simplified procedure is not extended");
        c.Definition.Step("respondent-copy").TimeLimit!.Period.ToString().Should().Be("3wd");
        c.Definition.Step("respondent-reply").TimeLimit!.Period.ToString().Should().Be("5wd");

        c.Act("stay-decision", "no-stay", Officer).Act("respondent-copy", "sent", Officer)
            .Act("respondent-reply", "received", Officer, new { replyReceivedOn = "2026-03-06" });
        c.Refused(c.TryAct("hearing", "convert", Officer, new { conversionReason = "案情复杂" })).Code.Should().Be(RefusalCode.WrongRole);
        c.Act("hearing", "convert", LegalChief, new { conversionReason = "案情复杂" }, "转为普通程序");
        c.State.EndStepId.Should().Be("converted");
    }
}
