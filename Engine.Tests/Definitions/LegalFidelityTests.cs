using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Definitions;

/// <summary>
/// The definitions read the statutes as they are: 行政许可法 Art 34/42/44/45/82, the regulations' own day counts,
/// and the manual's risk points, checked over every flow.
/// </summary>
public class LegalFidelityTests
{
    /// <summary>The licensing (行政许可 and 医疗机构 licences) and filing (备案) flows.</summary>
    public static readonly string[] LicensingAndFilingFlows =
    [
        "licensing-approval", "class-b-medical-equipment-preliminary-review", "disinfectant-manufacturer-licensing",
        "mch-institution-licence", "mch-personnel-qualification", "medical-institution-licence-verification",
        "medical-institution-practice-registration", "medical-institution-setup-licence", "narcotic-psychotropic-purchase-card",
        "public-place-hygiene-licensing", "radiation-diagnosis-licensing", "radiation-project-hazard-evaluation-review",
        "radiation-protection-facility-design-acceptance", "radiation-worker-certificate", "tcm-institution-licence-verification",
        "tcm-institution-practice-registration", "tcm-institution-setup-licence", "water-supplier-hygiene-licensing",
        "medical-consumables-procurement-filing", "pathogen-lab-filing",
    ];

    private static IEnumerable<FlowDefinition> AllFlows() => Repo.FlowFiles.Select(f => Repo.Flow(Path.GetFileNameWithoutExtension(f)));

    private static readonly string[] OnSiteWords = ["现场勘验", "现场核查", "现场检查", "现场评估", "现场踏勘", "现场勘查"];

    [Test]
    public void Every_flow_under_the_licensing_law_is_in_the_licensing_list()
    {
        AllFlows().Where(f => f.Limits?.Statutory?.Basis?.Contains("行政许可法") == true).Select(f => f.Id)
            .Should().BeSubsetOf(LicensingAndFilingFlows);
    }

    [Test]
    public void An_on_site_check_counts_toward_the_limit_only_expert_review_pauses_the_clock()
    {
        var offending = AllFlows().SelectMany(f => f.Steps
                .Where(s => s.Clock.Pauses)
                .Where(s => OnSiteWords.Any(w => s.Name.Contains(w) || (s.Clock.Reason ?? "").Contains(w)))
                .Where(s => !(s is TaskStep { Role: var role } && role.Contains("expert") && (s.Clock.Reason ?? "").Contains("专家评审")))
                .Select(s => $"{f.Id}/{s.Id}"))
            .ToList();

        offending.Should().BeEmpty("行政许可法第四十五条 excludes only 听证、招标、拍卖、检验、检测、检疫、鉴定 and 专家评审; an on-site check by staff (第三十四条) counts, " +
            "and a step that mixes it with expert review is split so that only the experts' time pauses the clock");
    }

    [Test]
    public void Every_pause_under_article_45_names_what_is_excluded()
    {
        var excluded = new[] { "听证", "招标", "拍卖", "检验", "检测", "检疫", "鉴定", "专家评审" };
        var offending = AllFlows().SelectMany(f => f.Steps
                .Where(s => s.Clock.Pauses && (s.Clock.Reason ?? "").Contains("第四十五条"))
                .Where(s => !excluded.Any(e => s.Clock.Reason!.Contains(e)))
                .Select(s => $"{f.Id}/{s.Id}: {s.Clock.Reason}"))
            .ToList();

        offending.Should().BeEmpty();
    }

    [Test]
    public void The_ten_days_to_issue_a_licence_are_working_days()
    {
        var steps = AllFlows().SelectMany(f => f.Steps
            .Where(s => s.TimeLimit?.Note?.Contains("第四十四条") == true)
            .Select(s => (Flow: f.Id, Step: s))).ToList();

        steps.Should().NotBeEmpty();
        steps.Where(x => x.Step.TimeLimit!.Period is not { Unit: PeriodUnit.WorkingDays, Amount: <= 10 })
            .Select(x => $"{x.Flow}/{x.Step.Id}: {x.Step.TimeLimit!.Period}")
            .Should().BeEmpty("行政许可法第八十二条: the law's periods are counted in working days");
    }

    [TestCase("medical-institution-setup-licence", 30, "第十二条")]
    [TestCase("tcm-institution-setup-licence", 30, "第十二条")]
    [TestCase("medical-institution-practice-registration", 45, "第十九条")]
    [TestCase("tcm-institution-practice-registration", 45, "第十九条")]
    [TestCase("medical-institution-licence-verification", 30, "医疗机构校验管理办法")]
    [TestCase("tcm-institution-licence-verification", 30, "医疗机构校验管理办法")]
    [TestCase("narcotic-psychotropic-purchase-card", 40, "印鉴卡管理规定")]
    public void Periods_set_by_other_regulations_are_counted_as_their_text_says(string id, int days, string basis)
    {
        var statutory = Repo.Flow(id).Limits!.Statutory!;
        statutory.Period.Should().Be(new Period(days, PeriodUnit.CalendarDays), "the regulation says 日, not 工作日");
        statutory.Basis.Should().Contain(basis);
        if (basis.StartsWith('第')) statutory.Basis.Should().Contain("2022 年修订");
    }

    [Test]
    public void A_promise_never_counts_the_time_of_a_paused_step_and_is_not_longer_than_the_statutory_limit()
    {
        foreach (var flow in AllFlows().Where(f => f.Limits?.Promised is { Period.Unit: PeriodUnit.WorkingDays }))
        {
            var limits = flow.Limits!;
            var promised = limits.Promised!.Period!.Value.Amount;
            var counting = CountingStepsWhileTheClockRuns(flow).Sum(s => s.TimeLimit?.Period is { Unit: PeriodUnit.WorkingDays } d ? d.Amount : 0);
            counting.Should().BeGreaterThanOrEqualTo(promised,
                $"{flow.Id}: the promise ({promised} working days) must be made of the steps that count, not of the paused ones (专家评审 is also a pause)");
            if (limits.Statutory is { Period: { Unit: PeriodUnit.CalendarDays } s })
                (promised * 7 / 5).Should().BeLessThanOrEqualTo(s.Amount, $"{flow.Id}: the promise may not be longer than the statutory {s.Amount} 日");
        }
    }

    /// <summary>Steps reachable from the clock start before a clock stop, that do not pause the clock.</summary>
    private static IEnumerable<StepDefinition> CountingStepsWhileTheClockRuns(FlowDefinition flow)
    {
        var limits = flow.Limits!;
        var stops = limits.ClockStopsAt.ToHashSet();
        var seen = new HashSet<string>();
        var queue = new Queue<string>([limits.ClockStartsAt ?? flow.StartStepId]);
        while (queue.Count > 0)
        {
            var step = flow.Step(queue.Dequeue());
            if (!seen.Add(step.Id) || stops.Contains(step.Id) || step is EndStep) continue;
            if (!step.Clock.Pauses) yield return step;
            foreach (var (target, _) in step.Targets) queue.Enqueue(target);
            if (step is ParallelStep p) queue.Enqueue(p.Join);
        }
    }

    [Test]
    public void Extensions_and_excluded_periods_are_told_to_the_applicant_in_writing()
    {
        var problems = new List<string>();
        foreach (var flow in AllFlows())
        {
            foreach (var step in flow.Steps.OfType<ActingStep>())
                foreach (var action in step.Actions)
                {
                    // Either the written notice is recorded (extensionNotice), or its reason is required and the action issues the notice.
                    if (action.Extend is not null
                        && (!action.Requires.Any(r => r.StartsWith("extensionNotice") || r == "extensionReason" && action.Issues == DocumentKind.ExtensionNotice)
                            || action.Opinion != OpinionRule.Required))
                        problems.Add($"{flow.Id}/{step.Id}/{action.Id}: 延期须书面告知理由（extensionNotice，或出具延长办理期限告知书并填写 extensionReason）并填写意见");
                    if (action.To is { } to && flow.Step(to) is { Clock.Pauses: true } paused
                        && (paused.Clock.Reason ?? "").Contains("第四十五条")
                        && !action.Requires.Any(r => r.StartsWith("pauseNotice")))
                        problems.Add($"{flow.Id}/{step.Id}/{action.Id}: 进入“{paused.Name}”须书面告知申请人所需时间（pauseNotice）");
                }
        }
        problems.Should().BeEmpty();
    }

    [Test]
    public void New_medical_institutions_are_licensed_by_a_party_group_decision()
    {
        foreach (var id in new[] { "medical-institution-setup-licence", "tcm-institution-setup-licence" })
        {
            var flow = Repo.Flow(id);
            var vote = flow.Steps.OfType<VoteStep>().Should().ContainSingle($"{id}: 新增医疗卫生机构的设置许可 is on the 党组 agenda (000 line 3968)").Subject;
            vote.MembersRole.Should().Be("party-group-member");
            vote.Ballot.Should().Be(Ballot.Recorded);
            vote.ChairSpeaksLast.Should().BeTrue();
            flow.Step("deputy-approval").Should().BeOfType<TaskStep>().Which.Actions.Should().Contain(a => a.To == vote.Id);
            vote.Outcomes.Passed.Should().Be("director-approval", "the head signs what the 党组 decided, he does not decide alone");
            flow.Steps.OfType<TaskStep>().SelectMany(s => s.Actions).Where(a => a.To == "director-approval")
                .Should().BeEmpty("no path reaches the head's signature around the vote");
        }
    }

    [Test]
    public void Every_licensing_and_filing_flow_carries_the_level_one_risk_of_eating_taking_blocking_and_demanding()
    {
        var manual = Normalize(File.ReadAllText(Path.Combine(Repo.Root, "Definitions", "source", "000_308e51136a67072a.txt")));
        foreach (var id in LicensingAndFilingFlows)
        {
            var flow = Repo.Flow(id);
            var risk = flow.RiskPoints.SingleOrDefault(r => r.Text.Contains("接受吃请") && r.Text.Contains("吃、拿、卡、要"));
            risk.Should().NotBeNull($"{id} must carry the 一级 risk “在审批过程中接受吃请，利用职权‘吃、拿、卡、要’”");
            risk!.Level.Should().Be(1, id);
            manual.Should().Contain(Normalize(risk.Text), $"{id}: the risk text is the manual's");
            risk.Measures.Should().NotBeEmpty(id);
            foreach (var measure in risk.Measures) manual.Should().Contain(Normalize(measure), $"{id}: measure “{measure}” is the manual's");
            var steps = flow.Steps.Where(s => s.RiskPointIds.Contains(risk.Id)).ToList();
            steps.Should().Contain(s => s.Id == flow.StartStepId, $"{id}: it arises at acceptance");
            steps.Count.Should().BeGreaterThanOrEqualTo(3, $"{id}: it arises at acceptance, review and approval");
            flow.Steps.Where(s => s is TaskStep or VoteStep && s.TimeLimit is not null && !s.Clock.Pauses)
                .Where(s => !s.RiskPointIds.Contains(risk.Id)).Select(s => s.Id)
                .Should().BeEmpty($"{id}: every step an official handles carries it");
        }
    }

    [Test]
    public void Every_licensing_decision_is_published_within_seven_working_days()
    {
        var licensing = LicensingAndFilingFlows.Where(id => !id.EndsWith("-filing") && id != "class-b-medical-equipment-preliminary-review");
        foreach (var id in licensing)
        {
            var flow = Repo.Flow(id);
            flow.Steps.Where(s => s.TimeLimit is { Period: { Unit: PeriodUnit.WorkingDays, Amount: <= 7 } }
                                  && (s.Name.Contains("公开") || s.Name.Contains("公布") || s.Name.Contains("公告")))
                .Should().NotBeEmpty($"{id}: 行政许可 decisions are published within 7 个工作日 (国办发〔2018〕118号, 001 line 828)");
        }
    }

    [Test]
    public void A_major_enforcement_decision_is_made_only_after_the_legal_review_agrees()
    {
        var flow = Repo.Flow("major-enforcement-legal-review");
        flow.Source!.File.Should().Be("001_031e72dc67fd616b.txt");
        var into = flow.Steps.OfType<TaskStep>().SelectMany(s => s.Actions.Select(a => (Step: s.Id, Action: a))).Where(x => x.Action.To == "decision").ToList();
        into.Should().ContainSingle().Which.Step.Should().Be("legal-review");
        flow.Step("publish").TimeLimit!.Period.Should().Be(new Period(7, PeriodUnit.WorkingDays));
        flow.Step("decision").Checks.Should().Contain(c => c.CheckName == "separation-of-duties");
    }

    [Test]
    public void Cadre_selection_goes_on_to_the_notice_the_filing_and_a_year_of_probation()
    {
        var flow = Repo.Flow("cadre-selection");
        var vote = flow.Steps.OfType<VoteStep>().Single(v => v.Id == "party-vote");
        var notice = flow.Step(vote.Outcomes.Passed).Should().BeOfType<WaitStep>().Subject;
        notice.Name.Should().Be("任前公示");
        var objection = flow.Step(notice.Actions.Single().To!).Should().BeOfType<TaskStep>().Subject;
        objection.Actions.Select(a => a.To).Should().BeEquivalentTo(["inspection", "not-appointed"], "an objection sends the candidate back to 考察 or stops the appointment");
        flow.Step(notice.Next).Name.Should().Contain("备案");
        flow.Steps.OfType<WaitStep>().Single(w => w.Id == "probation").Period.Should().Be(new Period(1, PeriodUnit.Years));
        flow.Steps.OfType<EndStep>().Select(e => e.Name).Should().Contain(["正式任命", "免去职务"]);
    }

    [Test]
    public void Disabled_child_appraisal_steps_fit_the_thirty_day_promise()
    {
        var flow = Repo.Flow("disabled-child-medical-appraisal");
        flow.Limits!.Promised!.Period.Should().Be(new Period(30, PeriodUnit.CalendarDays));
        var stop = flow.Limits.ClockStopsAt.Should().ContainSingle().Subject;
        string[] mainPath = ["receive", "review", "organize-appraisal", "expert-appraisal", "party-review", "publicity", "sign", "notify-county"];
        flow.Step(stop).Should().BeOfType<TaskStep>();
        var workingDays = mainPath.Select(flow.Step).Sum(s => s.TimeLimit?.Period is { Unit: PeriodUnit.WorkingDays } d ? d.Amount : 0);
        var calendarDays = mainPath.Select(flow.Step).Sum(s => (s as WaitStep)?.Period is { Unit: PeriodUnit.CalendarDays } p ? p.Amount : 0);
        (workingDays * 7m / 5m + calendarDays).Should().BeLessThanOrEqualTo(30m,
            "the steps from acceptance to the notice to the county must fit in the 30 days the manual promises (000 line 1598)");
    }

    [TestCase("medical-admin-meeting")]
    [TestCase("tcm-admin-meeting")]
    [TestCase("drug-policy-meeting")]
    public void A_meeting_is_held_only_after_the_head_approves_it_and_its_budget(string id)
    {
        var flow = Repo.Flow(id);
        var head = flow.Step("director-approval").Should().BeOfType<TaskStep>().Subject;
        head.Role.Should().Be("director", "委主要领导审批制度 (000 line 4422)");
        head.Actions.Single(a => a.Id == "approve").Requires.Should().Contain("budgetApprovalNo", "预算未经审批一律不予结账 (000 line 4428)");
        flow.Steps.OfType<TaskStep>().SelectMany(s => s.Actions.Select(a => (Step: s.Id, a.To)))
            .Where(x => x.To == "arrange").Select(x => x.Step).Should().Equal(["director-approval"], "no meeting is arranged around the head's approval");
        flow.Step("finance-review").Should().BeOfType<TaskStep>().Which.Role.Should().Be("finance-section");
        flow.Step("office-review").Should().BeOfType<TaskStep>().Which.Role.Should().Be("office-director");
    }

    [TestCase("grassroots-health-supervision", "000_308e51136a67072a.txt", "工作流程图")]
    [TestCase("cash-advance-approval", "000_308e51136a67072a.txt", "严格控制公款借支")]
    [TestCase("special-fund-approval", "000_308e51136a67072a.txt", "严格预算管理")]
    [TestCase("meeting-approval", "000_308e51136a67072a.txt", "实行委主要领导审批制度")]
    [TestCase("seal-use-approval", "000_308e51136a67072a.txt", "使用市人口计生工作领导小组")]
    [TestCase("committee-meeting", "000_308e51136a67072a.txt", "委务会议的议题")]
    [TestCase("degree-education-approval", "000_308e51136a67072a.txt", "报名程序")]
    [TestCase("cadre-training-selection", "000_308e51136a67072a.txt", "选调方式")]
    [TestCase("website-publication", "000_308e51136a67072a.txt", "信息发布要及时准确")]
    [TestCase("proactive-disclosure", "000_308e51136a67072a.txt", "应予公开的政务信息")]
    [TestCase("director-office-meeting", "001_031e72dc67fd616b.txt", "局长办公会议制度")]
    [TestCase("bureau-official-reception", "001_031e72dc67fd616b.txt", "机关公务接待工作")]
    [TestCase("official-vehicle-use", "001_031e72dc67fd616b.txt", "公务用车派车单")]
    [TestCase("office-supplies-purchase", "001_031e72dc67fd616b.txt", "办公用品采购程序")]
    [TestCase("office-room-allocation", "001_031e72dc67fd616b.txt", "闲置办公用房的调配")]
    [TestCase("enforcement-decision-publicity", "001_031e72dc67fd616b.txt", "加强事后公开")]
    [TestCase("major-enforcement-legal-review", "001_031e72dc67fd616b.txt", "推行重大执法决定法制审核制度")]
    public void A_flow_added_from_the_rules_names_the_line_it_is_encoded_from(string id, string file, string text)
    {
        var source = Repo.Flow(id).Source!;
        source.File.Should().Be(file);
        var line = File.ReadLines(Path.Combine(Repo.Root, "Definitions", "source", file)).ElementAt(source.Line - 1);
        Normalize(line).Should().Contain(Normalize(text), $"{id} cites {file} line {source.Line}");
    }

    internal static string Normalize(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)).ToArray());
}
