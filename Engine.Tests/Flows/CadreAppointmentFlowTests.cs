using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;
using static WorkflowEngine.Tests.Support.People;

namespace WorkflowEngine.Tests.Flows;

/// <summary>重要干部任免: both votes, the rules of collective decisions, and the 任前公示.</summary>
public class CadreAppointmentFlowTests
{
    private static CaseDriver NewCase() =>
        new CaseDriver(Repo.Flow("cadre-appointment"), CaseDriver.At("2026-03-02T10:00+08:00"))
            .Start(new { position = "医政医管科科长", positionConditions = "具有五年以上相关工作经历", selectionMethod = "民主推荐",
                nominees = new[] { "李明", "王芳" } }, Personnel)
            .Act("deliberation", "submit", Personnel, opinion: "拟通过民主推荐产生人选");

    private static string VoteTask(CaseDriver c, string step) => c.Task(step).TaskId;

    private static void Recommend(CaseDriver c, int inFavour)
    {
        var task = VoteTask(c, "recommendation");
        foreach (var m in Staff) c.Must(new AttendVote(task), m);
        for (var i = 0; i < Staff.Length; i++)
            c.Must(new CastVote(task, VoteChoice.For, Candidates: Ballot(("李明", i < inFavour ? VoteChoice.For : VoteChoice.Against))), Staff[i]);
        c.Must(new CloseVote(task), Personnel);
    }

    private static Dictionary<string, VoteChoice> Ballot(params (string Name, VoteChoice Choice)[] choices) =>
        choices.ToDictionary(x => x.Name, x => x.Choice);

    private static CaseDriver AtPartyVote()
    {
        var c = NewCase();
        Recommend(c, inFavour: 4);
        return Shortlist(c)
            .Act("inspection", "report", Personnel, new { inspectionTeam = new[] { "吴静", "郑伟" }, disciplineInspector = "郑伟", inspectionReport = "德能勤绩廉表现良好" });
    }

    private static void PartyVote(CaseDriver c, params (Actor Member, VoteChoice Choice)[] ballots) => PartyVote(c, "party-vote", ballots);

    private static void PartyVote(CaseDriver c, string step, params (Actor Member, VoteChoice Choice)[] ballots)
    {
        var task = VoteTask(c, step);
        foreach (var (m, _) in ballots) c.Must(new AttendVote(task), m);
        foreach (var (m, choice) in ballots.Where(b => b.Member != Director).Concat(ballots.Where(b => b.Member == Director)))
            c.Must(new CastVote(task, choice), m);
        c.Must(new CloseVote(task), Director);
    }

    private static readonly Actor PersonnelLead = Make("personnel-lead", "分管人事副主任马超", "personnel-deputy-director", "party-group-member");

    /// <summary>人事科 proposes, the deputy in charge of personnel submits, the 党组 decides by ballot.</summary>
    private static CaseDriver Shortlist(CaseDriver c, VoteChoice choice = VoteChoice.For)
    {
        c.Act("shortlist-proposal", "propose", Personnel, new { candidate = "李明" }, "建议李明为考察对象");
        c.Act("shortlist-lead", "submit", PersonnelLead, opinion: "同意，报党组研究");
        PartyVote(c, "shortlist", All(choice));
        return c;
    }

    private static (Actor, VoteChoice)[] All(VoteChoice choice) => PartyGroup.Select(m => (m, choice)).ToArray();

    [Test]
    public void The_chair_cannot_speak_first_before_the_others_have_signed_in_and_voted()
    {
        var c = AtPartyVote();
        var task = VoteTask(c, "party-vote");
        c.Must(new AttendVote(task), Director);

        var outlook = c.Runtime.Describe(c.Definition, c.State, Director, c.Now).Tasks.Single().Vote!;
        outlook.ChairMaySpeak.Should().BeFalse();
        outlook.CastBallot.Allowed.Should().BeFalse();
        c.Refused(c.Try(new CastVote(task, VoteChoice.For), Director)).Message.Should().Contain("末位表态");

        c.Must(new AttendVote(task), Deputy);
        c.Must(new AttendVote(task), Discipline);
        c.Must(new AttendVote(task), Member3);
        c.Runtime.Describe(c.Definition, c.State, Director, c.Now).Tasks.Single().Vote!.WaitingFor.Should().HaveCount(3);
        foreach (var m in new[] { Deputy, Discipline, Member3 }) c.Must(new CastVote(task, VoteChoice.For), m);
        c.Runtime.Describe(c.Definition, c.State, Director, c.Now).Tasks.Single().Vote!.ChairMaySpeak.Should().BeTrue();
        c.Must(new CastVote(task, VoteChoice.For), Director);
    }

    [Test]
    public void Appointment_runs_through_both_votes_the_notice_and_a_year_of_probation()
    {
        var c = AtPartyVote();
        c.OpenSteps.Should().Equal("party-vote");
        PartyVote(c, All(VoteChoice.For));
        c.OpenSteps.Should().Equal("publicity");

        c.AdvanceTo("2026-03-20T00:00+08:00");
        c.OpenSteps.Should().Equal("filing");
        c.History.Should().Contain(e => e.Type == EventTypes.WaitEnded && e.Summary.Contains("任前公示"));
        c.Act("filing", "filed", Personnel, new { filingNo = "组备〔2026〕5号" });
        c.OpenSteps.Should().Equal("probation");

        c.AdvanceTo("2027-04-01T00:00+08:00");
        c.OpenSteps.Should().Equal("probation-assessment");
        c.Act("probation-assessment", "confirm", Personnel, opinion: "试用期满考核称职");
        c.State.EndStepId.Should().Be("appointed");
    }

    [Test]
    public void The_party_secretary_does_not_pick_the_candidates_alone_the_party_group_decides_on_a_proposal()
    {
        var flow = Repo.Flow("cadre-appointment");
        flow.Steps.OfType<TaskStep>().Should().NotContain(s => s.Role == "party-secretary" || s.Role == "director",
            "001 五个不直接分管: the head does not handle personnel directly");
        flow.Step("shortlist").Should().BeOfType<VoteStep>().Which.MembersRole.Should().Be("party-group-member");

        var c = NewCase();
        Recommend(c, inFavour: 4);
        c.OpenSteps.Should().Equal("shortlist-proposal");
        c.Refused(c.TryAct("shortlist-proposal", "propose", Director, new { candidate = "李明" })).Code.Should().Be(RefusalCode.WrongRole);
        c.Act("shortlist-proposal", "propose", Personnel, new { candidate = "李明" }, "建议李明为考察对象");
        c.Act("shortlist-lead", "submit", PersonnelLead, opinion: "同意，报党组研究");
        c.OpenSteps.Should().Equal("shortlist");
        PartyVote(c, "shortlist", All(VoteChoice.Against));
        c.OpenSteps.Should().Equal(["shortlist-proposal"], "a shortlist the 党组 does not agree goes back to be proposed again");
        Shortlist(c);
        c.OpenSteps.Should().Equal("inspection");
    }

    [Test]
    public void The_recommendation_needs_more_than_half_of_those_present()
    {
        var c = NewCase();
        Recommend(c, inFavour: 2);
        c.OpenSteps.Should().Equal(["deliberation"], "with 2 of 5 in favour the nominee does not proceed to inspection");
        c.History.Last(e => e.Type == EventTypes.VoteClosed).Summary.Should().Contain("无候选人通过");
    }

    [Test]
    public void The_recommendation_counts_nominations_per_person_and_writes_the_results_into_the_case_data()
    {
        var c = NewCase();
        var task = VoteTask(c, "recommendation");
        c.Runtime.Describe(c.Definition, c.State, Personnel, c.Now).Tasks.Single().Vote!.Candidates!.Names.Should().Equal("李明", "王芳");
        foreach (var m in Staff) c.Must(new AttendVote(task), m);
        c.Must(new CastVote(task, VoteChoice.For, Candidates: Ballot(("李明", VoteChoice.For), ("王芳", VoteChoice.For))), Staff[0]);
        c.Must(new CastVote(task, VoteChoice.For, Candidates: Ballot(("李明", VoteChoice.For), ("赵强", VoteChoice.For))), Staff[1]);
        c.Must(new CastVote(task, VoteChoice.For, Candidates: Ballot(("李明", VoteChoice.For), ("赵强", VoteChoice.For))), Staff[2]);
        c.Must(new CastVote(task, VoteChoice.For, Candidates: Ballot(("王芳", VoteChoice.Against), ("赵强", VoteChoice.For))), Staff[3]);
        c.Must(new CastVote(task, VoteChoice.For, Candidates: Ballot(("李明", VoteChoice.Abstain))), Staff[4]);
        c.Runtime.Describe(c.Definition, c.State, Personnel, c.Now).Tasks.Single().Vote!.Candidates!.Names
            .Should().Equal(["李明", "王芳", "赵强"], "a name written in at the meeting becomes a candidate");
        c.History.Last(e => e.Type == EventTypes.VoteCast).Data.Should().BeEmpty("an anonymous ballot keeps no one's choices");
        c.Must(new CloseVote(task), Personnel);

        var results = c.State.Data["recommendation"].AsObject;
        results["passed"].AsList.Select(v => v.AsString).Should().Equal(["李明", "赵强"], "3 of 5 present is more than half; 王芳 has 1");
        var rows = results["results"].AsList.Select(r => r.AsObject).ToList();
        rows.Select(r => (r["name"].AsString, r["for"].AsNumber, r["against"].AsNumber, r["abstain"].AsNumber, r["passed"].AsBoolean))
            .Should().Equal(("李明", 3m, 0m, 1m, true), ("赵强", 3m, 0m, 0m, true), ("王芳", 1m, 1m, 0m, false));
        c.History.Last(e => e.Type == EventTypes.VoteClosed).Summary.Should().Contain("李明 同意 3 票、不同意 0 票、弃权 1 票（通过）");
        c.OpenSteps.Should().Equal("shortlist-proposal");

        var refused = c.Refused(c.TryAct("shortlist-proposal", "propose", Personnel, new { candidate = "王芳" }, "建议王芳"));
        refused.Message.Should().EndWith("初步人选须是民主推荐中得票超过实到人数半数的人选。");
        c.Act("shortlist-proposal", "propose", Personnel, new { candidate = "赵强" }, "建议赵强为考察对象");
        c.OpenSteps.Should().Equal("shortlist-lead");
    }

    [Test]
    public void A_recommendation_ballot_must_name_the_candidates_and_cannot_be_forged_as_case_data()
    {
        var c = NewCase();
        var task = VoteTask(c, "recommendation");
        c.Must(new AttendVote(task), Staff[0]);
        c.Refused(c.Try(new CastVote(task, VoteChoice.For), Staff[0])).Message.Should().Contain("请对候选人逐一表态");
        c.Refused(c.Try(new StartCase("x", CaseDriver.Data(new { recommendation = "李明" })), Personnel)).Code.Should().Be(RefusalCode.InvalidData);
    }

    [Test]
    public void A_cadre_vote_without_two_thirds_present_is_void_and_opens_a_new_round()
    {
        var c = AtPartyVote();
        var task = VoteTask(c, "party-vote");
        foreach (var m in new[] { Director, Deputy, Discipline }) c.Must(new AttendVote(task), m);
        c.Must(new CloseVote(task), Director);

        c.OpenSteps.Should().Equal("party-vote");
        c.Task("party-vote").Vote!.Round.Should().Be(2);
        c.Task("party-vote").Vote!.Present.Should().BeEmpty();
        c.History.Last(e => e.Type == EventTypes.VoteClosed).Summary.Should()
            .Be("“党组会议决定”未达到法定人数（应到 6 人，实到 3 人，须达到三分之二应到人数出席），表决无效，须另行召开（第 2 轮）");
        c.State.Trail.Last().ActionId.Should().Be(VoteResults.NoQuorum);
    }

    [Test]
    public void A_close_vote_is_deferred_back_to_inspection()
    {
        var c = AtPartyVote();
        PartyVote(c, (Director, VoteChoice.For), (Deputy, VoteChoice.For), (Discipline, VoteChoice.For),
            (Member3, VoteChoice.Against), (Member4, VoteChoice.Against), (Member5, VoteChoice.Abstain));

        c.OpenSteps.Should().Equal("inspection");
        c.History.Last(e => e.Type == EventTypes.VoteClosed).Summary.Should().Contain("意见分歧较大，暂缓决定");
        c.State.Trail.Last(t => t.StepId == "party-vote").ActionId.Should().Be(VoteResults.Deferred);
    }

    [Test]
    public void An_urgent_item_is_decided_even_when_close()
    {
        var c = NewCase();
        Recommend(c, inFavour: 4);
        Shortlist(c)
            .Act("inspection", "report", Personnel,
                new { inspectionTeam = new[] { "吴静", "郑伟" }, disciplineInspector = "郑伟", inspectionReport = "良好", urgent = true });

        PartyVote(c, (Director, VoteChoice.For), (Deputy, VoteChoice.For), (Discipline, VoteChoice.For),
            (Member3, VoteChoice.Against), (Member4, VoteChoice.Against), (Member5, VoteChoice.Against));

        c.State.EndStepId.Should().Be("not-appointed", "an urgent item is not deferred: 3 of 6 is not more than half of the members");
    }

    [Test]
    public void A_recused_member_leaves_the_count_and_cannot_vote()
    {
        var c = AtPartyVote();
        var task = VoteTask(c, "party-vote");
        c.Must(new RecuseFromVote(task, null, "拟任人选系其亲属"), Member5);
        foreach (var m in PartyGroup.Where(m => m != Member5)) c.Must(new AttendVote(task), m);
        c.Refused(c.Try(new CastVote(task, VoteChoice.For), Member5)).Message.Should().Contain("请先签到");
        c.Must(new AttendVote(task), Member5);
        c.Refused(c.Try(new CastVote(task, VoteChoice.For), Member5)).Message.Should().Be("您已回避本议题，不能投票。");

        foreach (var m in new[] { Deputy, Discipline, Member3 }) c.Must(new CastVote(task, VoteChoice.For), m);
        c.Must(new CastVote(task, VoteChoice.Against), Member4);
        c.Must(new CastVote(task, VoteChoice.For), Director);
        c.Must(new CloseVote(task), Director);

        var record = c.History.Last(e => e.Type == EventTypes.VoteClosed);
        record.Summary.Should().Contain("应到 5 人，实到 5 人").And.Contain("同意 4 票");
        record.Data["recused"].AsObject.Should().ContainKey(Member5.Name);
        c.OpenSteps.Should().Equal("publicity");
    }

    [Test]
    public void The_head_speaks_last()
    {
        var c = AtPartyVote();
        var task = VoteTask(c, "party-vote");
        foreach (var m in PartyGroup) c.Must(new AttendVote(task), m);
        c.Must(new CastVote(task, VoteChoice.For), Deputy);

        var early = c.Refused(c.Try(new CastVote(task, VoteChoice.For), Director));
        early.Message.Should().StartWith("主持人须末位表态").And.Contain(Member3.Name);

        foreach (var m in new[] { Discipline, Member3, Member4, Member5 }) c.Must(new CastVote(task, VoteChoice.For), m);
        c.Must(new CastVote(task, VoteChoice.For), Director);
        c.Refused(c.Try(new AttendVote(task, "late"), Director)).Code.Should().Be(RefusalCode.WrongRole);
    }

    [Test]
    public void An_anonymous_ballot_never_records_who_voted_what()
    {
        var c = AtPartyVote();
        PartyVote(c, All(VoteChoice.For).Select((b, i) => (b.Item1, i == 1 ? VoteChoice.Against : VoteChoice.For)).ToArray());

        var casts = c.History.Where(e => e.Type == EventTypes.VoteCast && e.StepId == "party-vote").ToList();
        casts.Should().HaveCount(6).And.OnlyContain(e => e.Data.Count == 0 && e.Summary.EndsWith("已投票（无记名）"));
        var record = c.History.Last(e => e.Type == EventTypes.VoteClosed);
        record.Data.Should().NotContainKey("ballots");
        record.Data["for"].AsNumber.Should().Be(5);
        record.Data["against"].AsNumber.Should().Be(1);
        c.Refused(c.Try(new CastVote("t1", VoteChoice.For, "我的意见"), Deputy)).Code.Should().Be(RefusalCode.UnknownTask);
    }

    [Test]
    public void An_absent_members_written_opinion_is_recorded_but_not_counted()
    {
        var c = AtPartyVote();
        var task = VoteTask(c, "party-vote");
        c.Must(new SubmitWrittenOpinion(task, "同意任用"), Member5);
        foreach (var m in PartyGroup.Where(m => m != Member5)) c.Must(new AttendVote(task), m);
        c.Refused(c.Try(new SubmitWrittenOpinion(task, "同意"), Deputy)).Message.Should().Contain("只适用于缺席成员");
        foreach (var m in new[] { Deputy, Discipline, Member3, Member4 }) c.Must(new CastVote(task, VoteChoice.For), m);
        c.Must(new CastVote(task, VoteChoice.For), Director);
        c.Must(new CloseVote(task), Director);

        var record = c.History.Last(e => e.Type == EventTypes.VoteClosed);
        record.Data["writtenOpinions"].AsObject[Member5.Name].AsString.Should().Be("同意任用");
        record.Data["absent"].AsList.Select(v => v.AsString).Should().Equal(Member5.Name);
        record.Data["for"].AsNumber.Should().Be(5, "the written opinion is not a vote");
    }

    [Test]
    public void Rejection_ends_without_appointment()
    {
        var c = AtPartyVote();
        PartyVote(c, All(VoteChoice.Against));
        c.State.EndStepId.Should().Be("not-appointed");
    }

    [Test]
    public void An_objection_during_the_notice_sends_the_candidate_back_to_inspection()
    {
        var c = AtPartyVote();
        PartyVote(c, All(VoteChoice.For));
        c.SetTime("2026-03-05T10:00+08:00").Act("publicity", "object", Personnel, opinion: "群众反映拟任人选存在问题");

        c.OpenSteps.Should().Equal("objection-review");
        c.Act("objection-review", "reinspect", Personnel, opinion: "需重新考察核实");
        c.OpenSteps.Should().Equal("inspection");
    }

    [Test]
    public void Only_members_take_part_and_only_the_chair_or_recorder_closes()
    {
        var c = AtPartyVote();
        var task = VoteTask(c, "party-vote");
        c.Refused(c.Try(new AttendVote(task), Clerk)).Code.Should().Be(RefusalCode.WrongRole);
        c.Refused(c.Try(new CloseVote(task), Deputy)).Message.Should().Be("只有会议主持人或记录人可以宣布表决结果。");
        c.Must(new AttendVote(task, Deputy.Id), Personnel);
        c.Refused(c.Try(new AttendVote(task), Deputy)).Message.Should().Contain("已签到");
    }
}
