using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Store.Persistence;
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
        c.Must(new CastVote(task, VoteChoice.For, Candidates: new Dictionary<string, VoteChoice> { ["李明"] = VoteChoice.For }), Personnel);
        c.Must(new RecuseFromVote(task, null, "亲属"), Finance);

        var json = CaseStateSerializer.Serialize(c.State);
        var back = CaseStateSerializer.Deserialize(json);

        CaseStateSerializer.Serialize(back).Should().Be(json);
        back.Data.Should().BeEquivalentTo(c.State.Data);
        back.Active.Single().Vote!.Recused.Should().ContainKey(Finance.Id);
        back.Active.Single().Vote!.Voted.Should().Contain(Personnel.Id);
        back.Active.Single().Vote!.Candidates.Should().Equal(new CandidateCount("李明", 1, 0, 0));
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

    [Test]
    public void A_state_stored_by_the_earlier_serializer_still_reads()
    {
        const string stored = """
            {"CaseId":"3180ee96af4f43b59afc66846f51f03e","DefinitionId":"licensing-approval","DefinitionVersion":1,"Version":6,"Status":"Closed","EndStepId":"granted","Outcome":"Granted","StartedAt":"2026-11-23T13:08:25.1194213+08:00","StartedBy":"window","ClosedAt":"2026-11-23T13:08:25.2681754+08:00","Data":{"applicant":"申请人","deliveryMethod":"窗口领取","certificateNo":"001","item":"母婴保健技术服务机构执业许可","materials":["application","identity","qualification","premises"],"contact":"1","kind":"承诺件","fee":12.50},"Active":[],"JoinArrivals":{},"Clock":{"StartedAt":"2026-11-23T13:08:25.2479603+08:00","StoppedAt":"2026-11-23T13:08:25.2667652+08:00","Pauses":[],"ExtensionAmount":0,"ExtensionCount":0},"Trail":[{"TaskId":"t1","StepId":"intake","ActionId":"accept","ActorId":"window","EnteredAt":"2026-11-23T13:08:25.1194213+08:00","CompletedAt":"2026-11-23T13:08:25.2479603+08:00","BySystem":false}],"RaisedAlerts":["t1:step:yellow"],"NextTaskNumber":6}
            """;

        var state = CaseStateSerializer.Deserialize(stored);

        state.Status.Should().Be(CaseStatus.Closed);
        state.Outcome.Should().Be(WorkflowEngine.Engine.Definitions.Model.EndOutcome.Granted);
        state.StartedAt.Should().Be(DateTimeOffset.Parse("2026-11-23T13:08:25.1194213+08:00", System.Globalization.CultureInfo.InvariantCulture));
        state.StartedAt.Offset.Should().Be(TimeSpan.FromHours(8));
        state.Data["applicant"].AsString.Should().Be("申请人");
        state.Data["fee"].AsNumber.Should().Be(12.50m);
        state.Data["materials"].AsList.Should().HaveCount(4);
        state.Trail.Single().ActionId.Should().Be("accept");
        state.RaisedAlerts.Should().Contain("t1:step:yellow");
        state.NextTaskNumber.Should().Be(6);
    }
}
