using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Runtime;

/// <summary>Votes on named persons: per-candidate counts, the pass rule per candidate, and the results as case data.</summary>
public class CandidateVoteTests
{
    private static readonly Actor[] Members = [.. Enumerable.Range(1, 5).Select(i => People.Make($"m{i}", $"成员{i}", "head"))];

    private static CaseDriver Case(string candidates, string pass = """{ "base": "present", "threshold": "more-than-half" }""",
        string ballot = "anonymous", object? data = null) => Started(candidates, pass, ballot, data).Act("a", "go", InlineFlow.Clerk);

    private static CaseDriver Started(string candidates, string pass = """{ "base": "present", "threshold": "more-than-half" }""",
        string ballot = "anonymous", object? data = null)
    {
        var flow = InlineFlow.Load("""
            { "id": "names", "label": "候选人名单", "type": "list" }, { "id": "pick", "label": "拟任人选", "type": "text" }
            """, $$"""
            { "id": "a", "kind": "task", "name": "提名", "role": "clerk", "actions": [ { "id": "go", "name": "召开推荐会", "to": "vote" } ] },
            { "id": "vote", "kind": "vote", "name": "民主推荐", "members": "head", "recorder": "clerk", "ballot": "{{ballot}}",
              "pass": {{pass}}, "candidates": {{candidates}}, "outcomes": { "passed": "route", "rejected": "end" } },
            { "id": "route", "kind": "decision", "name": "人选是否通过",
              "routes": [ { "when": "'李明' in vote.passed", "to": "b" } ], "otherwise": "end" },
            { "id": "b", "kind": "task", "name": "考察李明", "role": "clerk", "actions": [ { "id": "done", "name": "完成", "to": "end" } ] }
            """);
        var roster = new FixedRoster(new Dictionary<string, IReadOnlyList<RosterMember>>
        {
            ["clerk"] = [new(InlineFlow.Clerk.Id, InlineFlow.Clerk.Name)],
            ["head"] = [.. Members.Select(m => new RosterMember(m.Id, m.Name))],
        });
        return new CaseDriver(flow, CaseDriver.At("2026-03-02T10:00+08:00"), roster: roster)
            .Start(data ?? new { names = new[] { "李明", "王芳" } }, InlineFlow.Clerk);
    }

    private static Dictionary<string, VoteChoice> Ballot(params (string, VoteChoice)[] choices) => choices.ToDictionary(c => c.Item1, c => c.Item2);

    private static void Vote(CaseDriver c, int present, params Dictionary<string, VoteChoice>[] ballots)
    {
        var task = c.Task("vote").TaskId;
        foreach (var m in Members.Take(present)) c.Must(new AttendVote(task), m);
        for (var i = 0; i < ballots.Length; i++) c.Must(new CastVote(task, VoteChoice.For, Candidates: ballots[i]), Members[i]);
        c.Must(new CloseVote(task), InlineFlow.Clerk);
    }

    private static IReadOnlyList<string> Passed(CaseDriver c) => [.. c.State.Data["vote"].AsObject["passed"].AsList.Select(v => v.AsString)];

    [Test]
    public void A_candidate_passes_with_more_than_half_of_those_present_and_a_decision_reads_the_result()
    {
        var c = Case("""{ "field": "names" }""");
        var li = Ballot(("李明", VoteChoice.For));
        Vote(c, 4, li, li, li, Ballot(("王芳", VoteChoice.For)));
        Passed(c).Should().Equal("李明");
        c.OpenSteps.Should().Equal(["b"], "the route reads vote.passed");
    }

    [Test]
    public void Exactly_half_of_those_present_is_not_more_than_half()
    {
        var c = Case("""{ "field": "names" }""");
        var li = Ballot(("李明", VoteChoice.For));
        Vote(c, 4, li, li, Ballot(("李明", VoteChoice.Against)), Ballot());
        Passed(c).Should().BeEmpty();
        c.State.EndStepId.Should().Be("end");
        c.State.Trail.Last(t => t.StepId == "vote").ActionId.Should().Be("rejected");
    }

    [Test]
    public void With_the_members_as_base_the_absent_count()
    {
        var c = Case("""{ "field": "names" }""", pass: """{ "base": "members", "threshold": "more-than-half" }""");
        var li = Ballot(("李明", VoteChoice.For));
        Vote(c, 4, li, li, li);
        Passed(c).Should().Equal(["李明"], "3 of 5 members");

        var d = Case("""{ "field": "names" }""", pass: """{ "base": "members", "threshold": "two-thirds" }""");
        Vote(d, 4, li, li, li);
        Passed(d).Should().BeEmpty("3 of 5 members is less than two thirds");
    }

    [Test]
    public void A_name_not_on_the_list_is_refused_unless_names_may_be_written_in()
    {
        var c = Case("""{ "field": "names" }""");
        var task = c.Task("vote").TaskId;
        c.Must(new AttendVote(task), Members[0]);
        c.Refused(c.Try(new CastVote(task, VoteChoice.For, Candidates: Ballot(("赵强", VoteChoice.For))), Members[0]))
            .Message.Should().Be("“赵强”不是“民主推荐”的候选人，候选人：李明、王芳。");

        var w = Case("""{ "writeIns": true }""", data: new { });
        w.Task("vote").Vote!.Candidates.Should().BeEmpty();
        var zhao = Ballot(("赵强", VoteChoice.For));
        Vote(w, 3, zhao, zhao);
        Passed(w).Should().Equal("赵强");
    }

    [Test]
    public void A_ballot_may_support_at_most_the_configured_number_of_candidates()
    {
        var c = Case("""{ "field": "names", "maxChoices": 1 }""");
        var task = c.Task("vote").TaskId;
        c.Must(new AttendVote(task), Members[0]);
        var both = Ballot(("李明", VoteChoice.For), ("王芳", VoteChoice.For));
        c.Refused(c.Try(new CastVote(task, VoteChoice.For, Candidates: both), Members[0])).Message.Should().Be("每张选票最多推荐（同意）1 人，本票同意 2 人。");
        c.Must(new CastVote(task, VoteChoice.For, Candidates: Ballot(("李明", VoteChoice.For), ("王芳", VoteChoice.Against))), Members[0]);
    }

    [Test]
    public void A_vote_on_candidates_without_any_listed_and_no_write_ins_refuses_to_open()
    {
        var c = Started("""{ "field": "names" }""", """{ "base": "present", "threshold": "more-than-half" }""", "anonymous", new { });
        c.Refused(c.TryAct("a", "go", InlineFlow.Clerk)).Message.Should().Be("“民主推荐”没有候选人：请先填写“候选人名单”。");
    }

    [Test]
    public void A_recorded_ballot_keeps_each_members_choice_per_candidate()
    {
        var c = Case("""{ "field": "names" }""", ballot: "recorded");
        Vote(c, 3, Ballot(("李明", VoteChoice.For), ("王芳", VoteChoice.Against)));
        var cast = c.History.First(e => e.Type == EventTypes.VoteCast);
        cast.Data["candidates"].AsObject["王芳"].AsString.Should().Be("against");
        cast.Summary.Should().Be("成员1 表决：李明 同意、王芳 不同意");
        c.History.Last(e => e.Type == EventTypes.VoteClosed).Data["candidates"].AsObject["passed"].AsList.Should().BeEmpty("1 of 3 present");
    }

    [Test]
    public void A_ballot_on_the_item_as_a_whole_cannot_name_candidates()
    {
        var c = InlineFlow.Drive(InlineFlow.Load("", """
            { "id": "a", "kind": "vote", "name": "党组会", "members": "head", "recorder": "clerk", "outcomes": { "passed": "end", "rejected": "end" } }
            """));
        var task = c.Task("a").TaskId;
        c.Must(new AttendVote(task), InlineFlow.Head);
        c.Refused(c.Try(new CastVote(task, VoteChoice.For, Candidates: Ballot(("李明", VoteChoice.For))), InlineFlow.Head))
            .Message.Should().Be("“党组会”是对议题整体表决，不设候选人。");
    }
}
