using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WorkflowEngine.Engine.Audit;

/// <summary>
/// What a case row says about its history and its current data: how many history entries it has, the hash of the
/// last, the SHA-256 of its state JSON, and an HMAC-SHA256 over the three and the case id made with the key
/// <see cref="KeyId"/>. Without that key, no one can change the history or the state and make the anchor agree.
/// </summary>
public sealed record CaseAnchor(string CaseId, long HistoryCount, string LastHash, string StateHash, string KeyId, string Mac)
{
    /// <summary>Anchors a case as it is now with the key <paramref name="keyId"/>.</summary>
    public static CaseAnchor Seal(string caseId, long historyCount, string lastHash, string stateJson, string keyId, byte[] key)
    {
        var stateHash = HashState(stateJson);
        return new CaseAnchor(caseId, historyCount, lastHash, stateHash, keyId, ComputeMac(key, caseId, historyCount, lastHash, stateHash));
    }

    /// <summary>SHA-256 of the state JSON exactly as stored.</summary>
    public static string HashState(string stateJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stateJson)));

    /// <summary>HMAC-SHA256 over the length-prefixed fields, so that no two anchors share a message.</summary>
    public static string ComputeMac(byte[] key, string caseId, long historyCount, string lastHash, string stateHash)
    {
        var text = new StringBuilder();
        foreach (var field in new[] { "case-anchor-v1", caseId, historyCount.ToString(CultureInfo.InvariantCulture), lastHash, stateHash })
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Whether <see cref="Mac"/> is the one <paramref name="key"/> gives, compared in constant time.</summary>
    public bool MacHolds(byte[] key) => CryptographicOperations.FixedTimeEquals(
        Encoding.ASCII.GetBytes(ComputeMac(key, CaseId, HistoryCount, LastHash, StateHash)), Encoding.ASCII.GetBytes(Mac));
}
