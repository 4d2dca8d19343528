using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Definitions;

/// <summary>Spot checks of the encoded flows against the manual (000_308e51136a67072a.txt).</summary>
public class ManualSpotChecks
{
    private static string Manual => File.ReadAllText(Path.Combine(Repo.Root, "Definitions", "source", "000_308e51136a67072a.txt"));

    [Test]
    public void Maternal_and_child_health_institution_licence_steps_add_up_to_17_working_days()
    {
        var flow = Repo.Flow("mch-institution-licence");
        var limits = flow.Steps.Where(s => s.TimeLimit is not null && s.Id != "publish-decision" && !s.Id.StartsWith("hearing")).Select(s => s.TimeLimit!.Period!.Value).ToList();

        limits.Should().OnlyContain(d => d.Unit == PeriodUnit.WorkingDays);
        limits.Sum(d => d.Amount).Should().Be(17, "窗口收件 1 + 初审 3 + 现场评估 4 + 审核 3 + 局长批准 5 + 窗口发件 1");
        flow.Steps.Single(s => s.Name == "现场评估").Checks.Should().Contain(c => c.CheckName == "min-participants",
            "现场评估 needs at least two experts");
    }

    [Test]
    public void Medical_institution_setup_licence_has_a_7_day_notice_whose_objection_goes_back_to_review()
    {
        var flow = Repo.Flow("medical-institution-setup-licence");
        var notice = flow.Steps.OfType<WaitStep>().Single();

        notice.Name.Should().Contain("公示");
        notice.Period.Should().Be(new Period(7, PeriodUnit.CalendarDays));
        var objection = notice.Actions.Should().ContainSingle().Subject;
        flow.Step(objection.To!).Name.Should().Be("审核");
        flow.Step(notice.Next).Should().BeOfType<ParallelStep>().Which.Branches.Select(b => flow.Step(b).Name).Should().Contain(n => n.Contains("批准书"));
    }

    [Test]
    public void Public_health_emergency_reports_are_due_within_two_hours()
    {
        var flow = Repo.Flow("public-health-emergency-report");
        var reports = flow.Steps.Where(s => s.Name.Contains("报告") && s.TimeLimit is not null).ToList();

        reports.Should().HaveCountGreaterThan(5);
        reports.Should().OnlyContain(s => s.TimeLimit!.Period == new Period(2, PeriodUnit.Hours));
        flow.Step(flow.StartStepId).TimeLimit!.Period.Should().Be(new Period(2, PeriodUnit.Hours));
    }

    [Test]
    public void Asset_purchase_carries_risk_points_one_to_five_with_the_manuals_wording_at_the_steps_they_concern()
    {
        var flow = Repo.Flow("asset-purchase");
        var manual = Manual;
        flow.RiskPoints.Select(r => r.Id).Should().Equal("①", "②", "③", "④", "⑤");
        foreach (var risk in flow.RiskPoints)
            Normalize(manual).Should().Contain(Normalize(risk.Text), $"risk point {risk.Id} keeps the manual's wording");
        string StepOf(string risk) => flow.Steps.Single(s => s.RiskPointIds.Contains(risk)).Name;
        StepOf("①").Should().Contain("询价");
        StepOf("②").Should().Contain("党组会");
        StepOf("③").Should().Contain("验收");
        StepOf("④").Should().Contain("分配领用");
        StepOf("⑤").Should().Contain("残值处置");
        flow.Step("party-meeting").Should().BeOfType<VoteStep>().Which.Ballot.Should().Be(Ballot.Recorded);
    }

    [Test]
    public void Every_risk_text_of_the_four_core_flows_is_found_in_the_manual()
    {
        var manual = Normalize(Manual);
        foreach (var id in new[] { "licensing-approval", "administrative-reconsideration" })
            foreach (var risk in Repo.Flow(id).RiskPoints)
                manual.Should().Contain(Normalize(risk.Text), $"{id} {risk.Id}");
    }

    private static string Normalize(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray());
}
