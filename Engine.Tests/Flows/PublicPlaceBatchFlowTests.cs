using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;
using static WorkflowEngine.Tests.Support.People;

namespace WorkflowEngine.Tests.Flows;

/// <summary>The public-place hygiene licence takes several premises in one application and decides each on its own.</summary>
public class PublicPlaceBatchFlowTests
{
    private static readonly Engine.Cases.Actor Enforcement = Make("enf", "场所监督科科长", "enforcement-public-places-chief");
    private static readonly Engine.Cases.Actor Supervision = Make("sup", "综合监督科科长", "supervision-section-chief");

    private static CaseDriver AtSign() =>
        new CaseDriver(Repo.Flow("public-place-hygiene-licensing"), CaseDriver.At("2026-03-02T10:00+08:00"))
            .Start(new
            {
                applicant = "某酒店管理公司", contact = "1", premisesName = "某酒店（三处）", usesCentralAc = false,
                premisesItems = new[] { "东城店住宿场所", "西城店住宿场所", "南城店沐浴场所" },
            }, Clerk)
            .Act("intake", "accept", Clerk, new { materials = new[] { "application", "identity", "site-plans", "hygiene-report", "hygiene-rules" } })
            .Act("undertake", "pass", Enforcement, new { inspectors = new[] { "甲", "乙" }, credentialsShown = true, inspectionFindings = "南城店不符合" }, "见核查表")
            .Act("review", "pass", Supervision, opinion: "东城、西城符合条件，南城不符合");

    [Test]
    public void Three_premises_two_granted_one_denied_issue_a_decision_each_and_close_partly_granted()
    {
        var c = AtSign();
        var decide = c.Runtime.Describe(c.Definition, c.State, ApprovalChief, c.Now).Tasks.Single().Actions.Single(a => a.Id == "decide");
        decide.ItemsToDecide.Should().Equal("1", "2", "3");

        c.Must(new TakeAction(c.Task("sign").TaskId, "decide", CaseDriver.Data(null), "逐项签发",
        [
            new("1", "grant", null), new("2", "grant", null),
            new("3", "deny", "沐浴场所卫生设施不符合《公共场所卫生管理条例实施细则》的要求"),
        ]), ApprovalChief);

        c.State.Documents.Where(d => d.ItemKey != null).Select(d => (d.Kind, d.Sequence, d.ItemKey)).Should().Equal(
            (DocumentKind.GrantDecision, 1, "1"), (DocumentKind.GrantDecision, 2, "2"), (DocumentKind.DenialDecision, 1, "3"));
        c.OpenSteps.Should().Equal("issue");
        c.Act("issue", "deliver", Clerk, new { certificateNo = "卫公证字〔2026〕001、002号", deliveryMethod = "窗口领取", publicNoticeUrl = "https://example.gov.cn/1" });
        c.Act("archive", "archive", Clerk, new { archiveNo = "2026-001" });

        (c.State.IsClosed, c.State.EndStepId, c.State.Data["batch"].AsObject["outcome"].AsString).Should().Be((true, "partly-granted", "mixed"));
    }

    [Test]
    public void All_premises_denied_go_to_the_denial_notice()
    {
        var c = AtSign();
        c.Must(new TakeAction(c.Task("sign").TaskId, "decide", CaseDriver.Data(null), "均不符合",
            [new("1", "deny", "不符合"), new("2", "deny", "不符合"), new("3", "deny", "不符合")]), ApprovalChief);
        c.OpenSteps.Should().Equal("notify-denial");
        c.Act("notify-denial", "deliver", Clerk, new { deliveryMethod = "邮寄送达" });
        (c.State.EndStepId, c.State.Data["batch"].AsObject["outcome"].AsString).Should().Be(("denied", "denied"));
    }
}
