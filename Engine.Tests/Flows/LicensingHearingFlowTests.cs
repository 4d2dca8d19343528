using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;
using static WorkflowEngine.Tests.Support.People;

namespace WorkflowEngine.Tests.Flows;

/// <summary>The licensing flows offer the one hearing procedure (行政许可法第四十五条至第四十八条) from their review step.</summary>
public class LicensingHearingFlowTests
{
    private static readonly string[] Flows =
    [
        "licensing-approval", "disinfectant-manufacturer-licensing", "mch-institution-licence", "mch-personnel-qualification",
        "public-place-hygiene-licensing", "radiation-diagnosis-licensing", "radiation-project-hazard-evaluation-review",
        "radiation-protection-facility-design-acceptance", "radiation-worker-certificate", "water-supplier-hygiene-licensing",
        "medical-institution-setup-licence", "tcm-institution-setup-licence", "medical-institution-practice-registration",
        "tcm-institution-practice-registration", "narcotic-psychotropic-purchase-card",
    ];

    [TestCaseSource(nameof(Flows))]
    public void The_review_offers_the_hearing_with_its_statutory_times_and_the_clock_paused(string id)
    {
        var flow = Repo.Flow(id);
        var offer = flow.Steps.OfType<TaskStep>().SelectMany(s => s.Actions.Select(a => (Step: s, Action: a)))
            .Should().ContainSingle(x => x.Action.To == "hearing").Subject;
        var steps = new[] { "hearing", "hearing-notice", "hearing-held" }.Select(s => (TaskStep)flow.Step(s)).ToList();
        steps.Select(s => s.TimeLimit!.Period.ToString()).Should().Equal("5wd", "13wd", "7wd");
        steps.Should().OnlyContain(s => s.Clock.Pauses && s.Role == offer.Step.Role);
        steps[0].FindAction("no-request")!.To.Should().Be(offer.Step.Id, "without a request the review goes on");
        steps[2].FindAction("held")!.To.Should().Be(offer.Step.Id, "the decision is made on the hearing record");
    }

    [Test]
    public void A_public_place_licence_hearing_pauses_the_20_working_days_and_returns_to_the_review()
    {
        var chief = Make("chief", "综合监督科科长", "supervision-section-chief");
        var chief2 = Make("chief2", "综合监督科副科长", "supervision-section-chief");
        var c = new CaseDriver(Repo.Flow("public-place-hygiene-licensing"), CaseDriver.At("2026-03-02T10:00+08:00"))
            .Start(new { applicant = "某宾馆", contact = "1", premisesName = "某宾馆", premisesItems = new[] { "某宾馆" }, usesCentralAc = false }, Clerk)
            .Act("intake", "accept", Clerk, new { materials = new[] { "application", "identity", "site-plans", "hygiene-report", "hygiene-rules" } })
            .Act("undertake", "pass", Make("enf", "执法局", "enforcement-public-places-chief"),
                new { inspectors = new[] { "甲", "乙" }, credentialsShown = true, inspectionFindings = "符合" }, "符合条件");
        var before = c.Deadline(LimitKind.Statutory).DueAt;

        c.SetTime("2026-03-03T10:00+08:00").Act("review", "hearing-right", chief, new { pauseNoticeHearing = "听证告知书〔2026〕2号" }, "涉及相邻居民重大利益");
        c.Act("hearing", "requested", chief, new { hearingRequestedOn = "2026-03-05" });
        c.Act("hearing-notice", "notified", chief, new { hearingNoticeNo = "听通〔2026〕2号", hearingNoticeSentOn = "2026-03-06", hearingDate = "2026-03-16" });
        c.Refused(c.TryAct("hearing-held", "held", chief, new { hearingHost = "甲", hearingRecord = "笔录" })).CheckName.Should().Be("separation-of-duties");
        c.SetTime("2026-03-16T17:00+08:00").Act("hearing-held", "held", chief2, new { hearingHost = "副科长", hearingRecord = "笔录已签字" });

        c.OpenSteps.Should().Equal("review");
        c.Deadline(LimitKind.Statutory).PausedDays.Should().Be(9, "03-04 … 03-16 are not counted (行政许可法第四十五条)");
        c.Deadline(LimitKind.Statutory).DueAt.Should().BeAfter(before);
    }
}
