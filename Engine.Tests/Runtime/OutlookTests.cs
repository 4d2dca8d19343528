using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;
using static WorkflowEngine.Tests.Support.People;

namespace WorkflowEngine.Tests.Runtime;

/// <summary>What the outlook says of a case: deadline levels, vote rules, withdrawal and the documents issued.</summary>
public class OutlookTests
{
    private static CaseDriver Licensing() =>
        new CaseDriver(Repo.Flow("licensing-approval"), CaseDriver.At("2026-03-02T09:00+08:00"))
            .Start(new { applicant = "康宁妇产医院", contact = "0735-2222222", item = "母婴保健技术服务机构执业许可", kind = "承诺件" }, Clerk);

    private static CaseOutlook Describe(CaseDriver c, Actor viewer) => c.Runtime.Describe(c.Definition, c.State, viewer, c.Now);

    [Test]
    public void A_one_working_day_step_is_not_yellow_when_it_opens_and_no_yellow_card_is_due_for_it()
    {
        var c = Licensing();
        var intake = Describe(c, Clerk).Tasks.Single();
        intake.Deadline!.Period.Should().Be("1wd");
        intake.Deadline.Level.Should().Be(DeadlineLevel.Normal);
        intake.Deadline.WorkingDaysLeft.Should().Be(1);
        c.Timers.Should().NotContain(t => t.TaskId == intake.TaskId && t.Kind == TimerKind.Warning,
            "a 1-working-day limit is too short for a warning before the red card");

        c.AdvanceTo("2026-03-04T09:00+08:00");
        var late = Describe(c, Clerk).Tasks.Single().Deadline!;
        late.Level.Should().Be(DeadlineLevel.Red);
        late.WorkingDaysLeft.Should().Be(-1);
    }

    [Test]
    public void Actions_the_viewer_cannot_take_carry_the_runtime_refusal()
    {
        var c = Licensing();
        var accept = Describe(c, Director).Tasks.Single().Actions.Single(a => a.Id == "accept");
        accept.Permission.Allowed.Should().BeFalse();
        accept.Permission.Code.Should().Be(RefusalCode.WrongRole);
        var refused = c.Refused(c.TryAct("intake", "accept", Director));
        accept.Permission.Reason.Should().Be(refused.Message);

        Describe(c, Clerk).Tasks.Single().Actions.Single(a => a.Id == "accept").Permission.Allowed.Should().BeTrue();
    }

    [Test]
    public void A_correction_notice_is_an_issued_document_with_its_missing_items()
    {
        var c = Licensing();
        c.Act("intake", "request-correction", Clerk, new { materials = new[] { "application", "identity" }, missingItems = new[] { "qualification", "premises" }, correctionRequirements = "请提交复印件并加盖公章" },
            "请一次性补正");
        var document = Describe(c, Clerk).Documents.Single();
        document.Document.Kind.Should().Be(DocumentKind.CorrectionNotice);
        document.Document.Sequence.Should().Be(1);
        document.Name.Should().Be("补正材料一次性告知书");
        document.Document.Data["missingItems"].AsList.Select(v => v.AsString).Should().Equal("qualification", "premises");
    }

    [Test]
    public void A_refusal_states_the_applicant_s_remedies_with_their_last_days()
    {
        var c = Licensing();
        c.Act("intake", "refuse", Clerk, new { refusalGround = "不属于本机关职权范围" }, "不属于本机关职权范围，不予受理");
        var refusal = Describe(c, Clerk).Documents.Single(d => d.Document.Kind == DocumentKind.RefusalDecision);
        refusal.Dates.Select(d => (d.Name, d.LastDay)).Should().Equal(
            ("申请行政复议期限", new DateOnly(2026, 5, 6)), ("提起行政诉讼期限", new DateOnly(2026, 9, 2)));
    }
}
