using System.Collections.Immutable;
using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Audit;

/// <summary>The keyed anchor over a case's history and state, and the disclosure of confidential fields, as pure functions.</summary>
public class CaseIntegrityTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] OtherKey = Enumerable.Range(2, 32).Select(i => (byte)i).ToArray();
    private const string State = "{\"data\":{\"applicant\":\"甲\"}}";

    private static (StoredCase Stored, List<HistoryRecord> History) Anchored()
    {
        var c = new CaseDriver(Repo.Flow("licensing-approval"), CaseDriver.At("2026-03-02T10:00+08:00"))
            .Start(new { applicant = "甲", contact = "1", item = "乙", kind = "承诺件" }, People.Clerk)
            .Act("intake", "refuse", People.Clerk, new { refusalGround = "不符合条件" }, "不符合条件");
        var history = HistoryChain.Seal("case-1", 1, HistoryChain.Genesis, c.History).ToList();
        var anchor = CaseAnchor.Seal("case-1", history.Count, history[^1].Hash, State, "k1", Key);
        return (new StoredCase("case-1", "2026-000001", anchor.HistoryCount, anchor.LastHash, State, anchor.StateHash, anchor.KeyId, anchor.Mac), history);
    }

    private static byte[]? Keys(string id) => id == "k1" ? Key : null;

    [Test]
    public void An_untouched_case_verifies()
    {
        var (stored, history) = Anchored();
        CaseIntegrity.Verify(stored, history, Keys).Problems.Should().BeEmpty();
    }

    [Test]
    public void Each_kind_of_tampering_is_named()
    {
        var (stored, history) = Anchored();
        CaseIntegrity.Verify(stored, history.SkipLast(1), Keys).Reason.Should().Contain("历史记录被删除");
        CaseIntegrity.Verify(stored, [], Keys).Reason.Should().Contain("实有 0 条");
        CaseIntegrity.Verify(stored with { StateJson = State.Replace("甲", "丙") }, history, Keys).Reason.Should().Contain("当前数据");
        CaseIntegrity.Verify(stored with { HistoryCount = stored.HistoryCount - 1, LastHash = history[^2].Hash }, history.SkipLast(1), Keys)
            .Reason.Should().Contain("签名不符", "removing the last entry and the row's count with it still needs the key");
        CaseIntegrity.Verify(stored with { KeyId = "k9" }, history, Keys).Reason.Should().Contain("不在密钥文件中");
        CaseIntegrity.Verify(stored with { Mac = null }, history, Keys).Reason.Should().Contain("没有带密钥的锚定签名");
        var forged = CaseAnchor.Seal("case-1", stored.HistoryCount, stored.LastHash, State, "k1", OtherKey);
        CaseIntegrity.Verify(stored with { Mac = forged.Mac }, history, Keys).Reason.Should().Contain("签名不符", "a MAC made with another key does not hold");
    }

    [Test]
    public void A_confidential_field_is_read_by_its_posts_and_supervisors_only()
    {
        var definition = Repo.Flow("discipline-accusation-handling");
        var data = ImmutableDictionary<string, Value>.Empty.Add("informant", Value.String("王举报")).Add("subject", Value.String("某科"));
        new CaseDisclosure(definition, People.Discipline, supervises: false).Data(data)["informant"].AsString.Should().Be("王举报");
        new CaseDisclosure(definition, People.Make("watcher", "监督员", "supervisor"), supervises: true).Data(data)["informant"].AsString.Should().Be("王举报");
        var redacted = new CaseDisclosure(definition, People.Director, supervises: false);
        redacted.Data(data)["informant"].AsString.Should().Be(CaseDisclosure.Redacted);
        redacted.Data(data)["subject"].AsString.Should().Be("某科");
        redacted.HiddenFields.Should().BeEquivalentTo(["informant"]);
    }
}
