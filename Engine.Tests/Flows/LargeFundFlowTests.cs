using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;
using static WorkflowEngine.Tests.Support.People;

namespace WorkflowEngine.Tests.Flows;

/// <summary>大额资金使用: the threshold, the recorded vote, the public notice and the payment checks.</summary>
public class LargeFundFlowTests
{
    private static CaseDriver Reviewed(decimal amount) =>
        new CaseDriver(Repo.Flow("large-fund-use"), CaseDriver.At("2026-03-02T10:00+08:00"))
            .Start(new { project = "购置救护车", amount, purpose = "院前急救", budgeted = true }, SectionChief)
            .Act("report", "submit", SectionChief)
            .Act("deputy-review", "agree", Deputy, opinion: "同意提交");

    private static void Meeting(CaseDriver c, VoteChoice choice)
    {
        var task = c.Task("party-meeting").TaskId;
        foreach (var m in PartyGroup) c.Must(new AttendVote(task), m);
        foreach (var m in PartyGroup.Where(m => m != Director)) c.Must(new CastVote(task, choice, "同意购置"), m);
        c.Must(new CastVote(task, choice), Director);
        c.Must(new CloseVote(task), Personnel);
    }

    [Test]
    public void Below_the_threshold_the_head_signs_and_finance_pays()
    {
        var c = Reviewed(29999.99m);
        c.OpenSteps.Should().Equal(["director-approval"], "29999.99 is below 3 万元");
        c.Act("director-approval", "approve", Director).Act("payment", "pay", Finance, new { paymentVoucher = "PZ-001" });
        c.State.EndStepId.Should().Be("paid");
        c.Ledger.Should().BeEmpty();
    }

    [Test]
    public void At_the_threshold_the_party_group_votes_by_name_then_the_notice_runs_then_finance_pays()
    {
        var c = Reviewed(30000m);
        c.OpenSteps.Should().Equal("party-meeting");
        Meeting(c, VoteChoice.For);

        var record = c.History.Last(e => e.Type == EventTypes.VoteClosed);
        record.Data["ballots"].AsObject.Should().HaveCount(6).And.ContainKey(Deputy.Name);
        record.Data["ballots"].AsObject[Deputy.Name].AsString.Should().Be("同意");
        c.History.Where(e => e.Type == EventTypes.VoteCast).Should().OnlyContain(e => e.Data["choice"].AsString == "for");

        c.OpenSteps.Should().Equal("publicity");
        var early = c.Try(new TakeAction(c.Task("publicity").TaskId, WaitResults.PeriodEnded, CaseDriver.Data(null), null), Finance);
        c.Refused(early).Code.Should().Be(RefusalCode.UnknownAction);

        c.AdvanceTo("2026-03-12T00:00+08:00");
        c.OpenSteps.Should().Equal("payment");
        c.Act("payment", "pay", Finance, new { paymentVoucher = "PZ-002" });
        c.State.EndStepId.Should().Be("paid");
    }

    [Test]
    public void Raising_the_amount_after_the_heads_approval_is_blocked_at_payment()
    {
        var c = Reviewed(20000m).Act("director-approval", "approve", Director);

        var refused = c.Refused(c.TryAct("payment", "pay", Finance, new { paymentVoucher = "PZ-3", amount = 80000 }));
        refused.RiskPointId.Should().Be("①");
        refused.CheckName.Should().Be("collective-decision");
        refused.Message.Should().Be("风险点①（一级风险）：金额 80000 元达到 30000 元以上，须经“党组会议集体研究”集体研究通过。");
    }

    [Test]
    public void Raising_the_amount_to_exactly_30000_after_the_heads_approval_is_blocked_at_payment()
    {
        var c = Reviewed(20000m).Act("director-approval", "approve", Director);

        var refused = c.Refused(c.TryAct("payment", "pay", Finance, new { paymentVoucher = "PZ-4", amount = 30000 }));
        refused.CheckName.Should().Be("collective-decision");
        refused.Message.Should().Be("风险点①（一级风险）：金额 30000 元达到 30000 元以上，须经“党组会议集体研究”集体研究通过。");
    }

    [Test]
    public void An_objection_during_the_notice_goes_back_to_the_meeting_and_payment_waits_for_a_full_notice()
    {
        var c = Reviewed(50000m);
        Meeting(c, VoteChoice.For);
        c.SetTime("2026-03-04T10:00+08:00").Act("publicity", "object", Discipline, opinion: "有群众反映采购价格偏高");
        c.OpenSteps.Should().Equal("objection-review");
        c.Act("objection-review", "reconsider", Deputy, opinion: "提交党组会重新研究");
        c.OpenSteps.Should().Equal("party-meeting");
        Meeting(c, VoteChoice.Against);
        c.State.EndStepId.Should().Be("not-approved");
    }

    [Test]
    public void A_deferred_meeting_sends_the_report_back()
    {
        var c = Reviewed(50000m);
        var task = c.Task("party-meeting").TaskId;
        foreach (var m in PartyGroup) c.Must(new AttendVote(task), m);
        var choices = new[] { VoteChoice.For, VoteChoice.Against, VoteChoice.For, VoteChoice.Against, VoteChoice.Abstain };
        var others = PartyGroup.Where(m => m != Director).ToArray();
        for (var i = 0; i < others.Length; i++) c.Must(new CastVote(task, choices[i]), others[i]);
        c.Must(new CastVote(task, VoteChoice.For), Director);
        c.Must(new CloseVote(task), Director);

        c.OpenSteps.Should().Equal("report");
    }
}
