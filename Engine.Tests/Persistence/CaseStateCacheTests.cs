using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Tests.Support;
using static WorkflowEngine.Tests.Support.People;

namespace WorkflowEngine.Tests.Persistence;

public class CaseStateCacheTests
{
    private static CaseDriver Licensing() => new CaseDriver(Repo.Flow("licensing-approval"), CaseDriver.At("2026-03-02T10:00+08:00"))
        .Start(new { applicant = "甲", contact = "1", item = "乙", kind = "承诺件" }, Clerk);

    [Test]
    public void The_state_remembered_for_the_stored_json_is_reused()
    {
        var c = Licensing();
        var json = CaseStateSerializer.Serialize(c.State);
        var cache = new CaseStateCache();
        cache.Remember(Row(c.State.CaseId, json), c.State);

        cache.Read(c.State.CaseId, new string(json)).Should().BeSameAs(c.State);
    }

    [Test]
    public void A_remembered_state_is_not_used_once_the_stored_json_differs()
    {
        var c = Licensing();
        var before = c.State;
        var cache = new CaseStateCache();
        cache.Remember(Row(before.CaseId, CaseStateSerializer.Serialize(before)), before);
        c.Act("intake", "accept", Clerk, new { materials = new[] { "application", "identity", "qualification", "premises" } });

        var read = cache.Read(before.CaseId, CaseStateSerializer.Serialize(c.State));

        read.Should().NotBeSameAs(before);
        read.Version.Should().Be(c.State.Version);
        read.Active.Single().StepId.Should().Be("review");
    }

    [Test]
    public void A_full_cache_starts_over_instead_of_growing()
    {
        var state = Licensing().State;
        var json = CaseStateSerializer.Serialize(state);
        var cache = new CaseStateCache(capacity: 1);
        cache.Remember(Row("case-a", json), state);
        cache.Remember(Row("case-b", json), state);

        cache.Read("case-a", json).Should().NotBeSameAs(state, "the first entry made room for the second");
        cache.Read("case-b", json).Should().NotBeSameAs(state, "reading case-a again made room in turn");
    }

    [Test]
    public void The_row_last_written_is_given_as_a_copy_and_a_row_only_read_is_not_given()
    {
        var c = Licensing();
        var json = CaseStateSerializer.Serialize(c.State);
        var cache = new CaseStateCache();
        var written = Row("case-a", json);
        cache.Remember(written, c.State);
        cache.Read("case-b", json);

        var (row, state) = cache.Written("case-a")!.Value;
        row.Should().NotBeSameAs(written);
        row.SameRow(written).Should().BeTrue();
        state.Should().BeSameAs(c.State);
        row.Version = 99;
        cache.Written("case-a")!.Value.Row.Version.Should().Be(written.Version, "the kept row is not changed through a copy");
        cache.Written("case-b").Should().BeNull("a state only read says nothing of the rest of its row");
        cache.Written("case-c").Should().BeNull();
    }

    private static CaseRecord Row(string id, string json) => new()
    {
        Id = id, CaseNo = "2026-000001", DefinitionId = "licensing-approval", DefinitionVersion = 1, Title = "甲", Status = "running",
        StartedAt = DateTimeOffset.Parse("2026-03-02T10:00+08:00"), StartedBy = "window", Version = 1, StateJson = json, HistoryCount = 1,
        LastHash = "h",
    };
}
