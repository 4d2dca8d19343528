using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;
using static WorkflowEngine.Tests.Support.People;

namespace WorkflowEngine.Tests.Flows;

public class LicensingFlowTests
{
    private static readonly string[] AllMaterials = ["application", "identity", "qualification", "premises"];

    private static CaseDriver NewCase(string kind = "承诺件", string start = "2026-03-02T10:00+08:00") =>
        new CaseDriver(Repo.Flow("licensing-approval"), CaseDriver.At(start))
            .Start(new { applicant = "康宁妇产医院", contact = "0735-2222222", item = "母婴保健技术服务机构执业许可", kind }, Clerk);

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
        c.Act("issue", "deliver", Clerk, new { certificateNo = "湘卫母婴字2026第001号", deliveryMethod = "窗口领取" });

        c.State.IsClosed.Should().BeTrue();
        c.State.Outcome.Should().Be(EndOutcome.Granted);
        c.History.Select(e => e.Type).Should().ContainInOrder(
            EventTypes.CaseStarted, EventTypes.StepEntered, EventTypes.ActionTaken, EventTypes.ClockStarted,
            EventTypes.ClockStopped, EventTypes.CaseClosed);
        c.Ledger.Should().BeEmpty();
        c.State.Version.Should().Be(6);
    }
}
