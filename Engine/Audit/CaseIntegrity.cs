namespace WorkflowEngine.Engine.Audit;

/// <summary>A stored case as verification reads it: its row's anchor columns (null before it was anchored) and its state JSON.</summary>
public sealed record StoredCase(
    string CaseId, string CaseNo, long HistoryCount, string LastHash, string StateJson, string? StateHash, string? KeyId, string? Mac);

/// <summary>The result of verifying one case: valid, or every problem found (the first is <see cref="Reason"/>).</summary>
public sealed record CaseVerification(string CaseId, string CaseNo, bool Valid, int Checked, long? BrokenAtSequence, string? Reason,
    IReadOnlyList<string> Problems);

/// <summary>
/// The whole check of a case: its history chain links and is numbered from 1 without gaps; the row's history count and
/// last hash are those of the chain (so a removed last entry or a removed history shows); the state JSON hashes to the
/// anchored state hash; and the anchor's MAC holds under the key it names (so a rewritten history with every hash
/// recomputed, or an edited anchor, shows to anyone who lacks the key).
/// </summary>
public static class CaseIntegrity
{
    /// <summary>The checks of the row alone: an anchor is there, the state JSON hashes to it, and its MAC holds under the key it names.</summary>
    public static List<string> AnchorProblems(StoredCase stored, Func<string, byte[]?> keys)
    {
        var problems = new List<string>();
        if (stored.StateHash is null || stored.KeyId is null || stored.Mac is null)
        {
            problems.Add("案件记录没有带密钥的锚定签名，无法证明历史与当前数据未被改动。");
            return problems;
        }
        if (CaseAnchor.HashState(stored.StateJson) != stored.StateHash)
            problems.Add("案件当前数据（state_json）与锚定的哈希不符：当前数据被改动。");
        var anchor = new CaseAnchor(stored.CaseId, stored.HistoryCount, stored.LastHash, stored.StateHash, stored.KeyId, stored.Mac);
        if (keys(stored.KeyId) is not { } key)
            problems.Add($"锚定签名所用的密钥“{stored.KeyId}”不在密钥文件中，无法验证签名。");
        else if (!anchor.MacHolds(key))
            problems.Add("案件锚定签名不符：历史条数、最后哈希或当前数据在未持有密钥的情况下被改动。");
        return problems;
    }

    /// <summary>The checks that need no key: the chain, and the row's history count and last hash against it.</summary>
    public static (ChainVerification Chain, List<string> Problems) VerifyHistory(StoredCase stored, IEnumerable<HistoryRecord> history)
    {
        var records = history.OrderBy(r => r.Sequence).ToList();
        var problems = new List<string>();
        var chain = HistoryChain.Verify(records);
        if (!chain.Valid) problems.Add(chain.Reason!);
        if (records.Count != stored.HistoryCount)
            problems.Add(records.Count < stored.HistoryCount
                ? $"案件记录应有 {stored.HistoryCount} 条历史记录，实有 {records.Count} 条：历史记录被删除。"
                : $"案件记录应有 {stored.HistoryCount} 条历史记录，实有 {records.Count} 条：历史记录被添加。");
        else if ((records.Count == 0 ? HistoryChain.Genesis : records[^1].Hash) != stored.LastHash)
            problems.Add("最后一条历史记录的哈希与案件记录锚定的不符：历史记录被改动或替换。");
        return (chain, problems);
    }

    /// <param name="keys">The key of a key id, or null when it is not in the key ring.</param>
    public static CaseVerification Verify(StoredCase stored, IEnumerable<HistoryRecord> history, Func<string, byte[]?> keys)
    {
        var (chain, problems) = VerifyHistory(stored, history);
        problems.AddRange(AnchorProblems(stored, keys));
        return new CaseVerification(stored.CaseId, stored.CaseNo, problems.Count == 0, chain.Checked, chain.BrokenAtSequence,
            problems.FirstOrDefault(), problems);
    }
}
