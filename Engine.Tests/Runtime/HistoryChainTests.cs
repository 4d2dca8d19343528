using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Runtime;

public class HistoryChainTests
{
    private static IReadOnlyList<HistoryRecord> Sealed()
    {
        var c = new CaseDriver(Repo.Flow("licensing-approval"), CaseDriver.At("2026-03-02T10:00+08:00"))
            .Start(new { applicant = "甲", contact = "1", item = "乙", kind = "承诺件" }, People.Clerk)
            .Act("intake", "refuse", People.Clerk, new { refusalGround = "不符合条件" }, "不符合条件");
        return HistoryChain.Seal("case-1", 1, HistoryChain.Genesis, c.History);
    }

    [Test]
    public void An_untouched_chain_verifies_and_each_link_covers_the_previous_hash()
    {
        var records = Sealed();
        HistoryChain.Verify(records).Should().Be(ChainVerification.Ok(records.Count));
        records.Skip(1).Zip(records).Should().OnlyContain(p => p.First.PreviousHash == p.Second.Hash);
        records[0].PreviousHash.Should().Be(HistoryChain.Genesis);
    }

    [Test]
    public void An_edited_opinion_is_reported_at_its_record()
    {
        var records = Sealed().ToList();
        var index = records.FindIndex(r => r.Opinion == "不符合条件");
        records[index] = records[index] with { Opinion = "符合条件" };

        var result = HistoryChain.Verify(records);
        result.Valid.Should().BeFalse();
        result.BrokenAtSequence.Should().Be(records[index].Sequence);
        result.Reason.Should().Contain("内容与其哈希值不符");
    }

    [Test]
    public void A_removed_record_breaks_the_chain_where_it_was()
    {
        var records = Sealed().ToList();
        records.RemoveAt(2);
        HistoryChain.Verify(records).BrokenAtSequence.Should().Be(3);
    }

    [Test]
    public void A_rehashed_forgery_is_caught_by_the_next_link()
    {
        var records = Sealed().ToList();
        var forged = records[1] with { ActorName = "他人" };
        records[1] = forged with { Hash = HistoryChain.ComputeHash(forged) };

        HistoryChain.Verify(records).BrokenAtSequence.Should().Be(records[2].Sequence);
    }
}
