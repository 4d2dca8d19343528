using WorkflowEngine.Engine.Persistence;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;
using static WorkflowEngine.Tests.Support.People;

namespace WorkflowEngine.Tests.Persistence;

public class CaseStateSerializerTests
{
    [Test]
    public void A_state_with_a_vote_a_pause_and_every_kind_of_value_survives_the_round_trip()
    {
        var c = new CaseDriver(Repo.Flow("cadre-appointment"), CaseDriver.At("2026-03-02T10:00+08:00"))
            .Start(new { position = "科长", positionConditions = "五年以上", selectionMethod = "民主推荐" }, Personnel)
            .Act("deliberation", "submit", Personnel, new { inspectionTeam = new[] { "甲", "乙" }, urgent = false }, "方案");
        var task = c.Task("recommendation").TaskId;
        c.Must(new AttendVote(task), Personnel);
        c.Must(new CastVote(task, VoteChoice.For), Personnel);
        c.Must(new RecuseFromVote(task, null, "亲属"), Finance);

        var json = CaseStateSerializer.Serialize(c.State);
        var back = CaseStateSerializer.Deserialize(json);

        CaseStateSerializer.Serialize(back).Should().Be(json);
        back.Data.Should().BeEquivalentTo(c.State.Data);
        back.Active.Single().Vote!.Recused.Should().ContainKey(Finance.Id);
        back.Active.Single().Vote!.Voted.Should().Contain(Personnel.Id);
        back.StartedAt.Should().Be(c.State.StartedAt);
        back.StartedAt.Offset.Should().Be(TimeSpan.FromHours(8));
        back.Version.Should().Be(c.State.Version);
    }

    [Test]
    public void A_restored_state_keeps_working_in_the_runtime()
    {
        var c = new CaseDriver(Repo.Flow("licensing-approval"), CaseDriver.At("2026-03-02T10:00+08:00"))
            .Start(new { applicant = "甲", contact = "1", item = "乙", kind = "承诺件" }, Clerk)
            .Act("intake", "accept", Clerk, new { materials = new[] { "application", "identity", "qualification", "premises" } })
            .SetTime("2026-03-03T10:00+08:00").Act("review", "inspect", Reviewer);

        var restored = CaseStateSerializer.Deserialize(CaseStateSerializer.Serialize(c.State));
        CaseClock.NotStarted.Should().Be(new CaseClock(null, null, null, null, [], 0, 0), "reading a state must not change the shared default");
        var runtime = c.Runtime;
        runtime.Deadlines(c.Definition, restored, c.Now).Should().BeEquivalentTo(runtime.Deadlines(c.Definition, c.State, c.Now));
        runtime.Timers(c.Definition, restored).Should().Equal(runtime.Timers(c.Definition, c.State));
    }
}
