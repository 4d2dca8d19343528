using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Engine.Audit;

/// <summary>Seals case events into a SHA-256 hash chain and verifies a stored chain.</summary>
public static class HistoryChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>Turns events into records linked to <paramref name="previousHash"/>, numbered from <paramref name="nextSequence"/>.</summary>
    public static IReadOnlyList<HistoryRecord> Seal(string caseId, long nextSequence, string previousHash, IEnumerable<CaseEvent> events)
    {
        var records = new List<HistoryRecord>();
        foreach (var e in events)
        {
            var dataJson = Value.Object(e.Data).ToJson();
            var unsealed = new HistoryRecord(caseId, nextSequence++, e.Type, e.At, e.ActorId, e.ActorName, e.TaskId, e.StepId,
                e.ActionId, e.Opinion, dataJson, e.Summary, previousHash, "");
            var record = unsealed with { Hash = ComputeHash(unsealed) };
            records.Add(record);
            previousHash = record.Hash;
        }
        return records;
    }

    /// <summary>Checks every link in sequence order and reports the first that does not hold.</summary>
    public static ChainVerification Verify(IEnumerable<HistoryRecord> records)
    {
        var expectedPrevious = Genesis;
        long expectedSequence = 1;
        var count = 0;
        foreach (var record in records.OrderBy(r => r.Sequence))
        {
            if (record.Sequence != expectedSequence)
                return new(false, count, expectedSequence, $"第 {expectedSequence} 条记录缺失或顺序被改动。");
            if (record.PreviousHash != expectedPrevious)
                return new(false, count, record.Sequence, $"第 {record.Sequence} 条记录与前一条记录的链接不符，前面的记录可能被改动或删除。");
            if (ComputeHash(record) != record.Hash)
                return new(false, count, record.Sequence, $"第 {record.Sequence} 条记录的内容与其哈希值不符，记录已被改动。");
            expectedPrevious = record.Hash;
            expectedSequence++;
            count++;
        }
        return ChainVerification.Ok(count);
    }

    /// <summary>SHA-256 over every field, each length-prefixed so that no two records share a canonical form.</summary>
    public static string ComputeHash(HistoryRecord r)
    {
        var text = new StringBuilder();
        void Add(string? field)
        {
            if (field is null) { text.Append("-1:"); return; }
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
        }
        Add(r.CaseId);
        Add(r.Sequence.ToString(CultureInfo.InvariantCulture));
        Add(r.Type);
        Add(r.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Add(r.ActorId);
        Add(r.ActorName);
        Add(r.TaskId);
        Add(r.StepId);
        Add(r.ActionId);
        Add(r.Opinion);
        Add(r.DataJson);
        Add(r.Summary);
        Add(r.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
