using System.Data.Common;
using System.Runtime.CompilerServices;
using WorkflowEngine.Engine.Audit;

namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// Reads cases with their history in batches (in order of id) on any connection, SQLite or PostgreSQL, to verify them
/// (<see cref="CaseIntegrity"/>) and to anchor them with a chain key: the cases written before anchors existed, or every
/// case after a key rotation. A case whose history does not verify is never (re)anchored, so tampering is not sealed in.
/// </summary>
public sealed class CaseAnchors(DbConnection connection, ChainKeyRing keys, int batchSize = 200)
{
    private const string Columns = "id, case_no, history_count, last_hash, state_json, state_hash, anchor_key_id, anchor_mac, version";

    /// <summary>Verifies every case, one batch in memory at a time.</summary>
    public async IAsyncEnumerable<CaseVerification> VerifyAllAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var (stored, _, history) in ReadAsync(null, ct))
            yield return CaseIntegrity.Verify(stored, history, keys.Find);
    }

    /// <summary>Verifies one case; null when there is no such case.</summary>
    public async Task<CaseVerification?> VerifyAsync(string caseId, CancellationToken ct = default)
    {
        var batch = await ReadBatchAsync("WHERE id = @id", [("@id", caseId)], ct);
        return batch.Count == 0 ? null : CaseIntegrity.Verify(batch[0].Stored, batch[0].History, keys.Find);
    }

    /// <summary>
    /// Anchors with the current key every case that has no anchor yet (<paramref name="all"/> false) or whose anchor was
    /// made with another key (<paramref name="all"/> true), provided the case verifies; returns the cases anchored and
    /// those left as they were because they did not verify.
    /// </summary>
    public async Task<(int Anchored, List<CaseVerification> Refused)> AnchorAsync(bool all, CancellationToken ct = default)
    {
        var filter = all ? "(anchor_key_id IS NULL OR anchor_key_id <> @current)" : "anchor_mac IS NULL";
        var anchored = 0;
        var refused = new List<CaseVerification>();
        await foreach (var (stored, version, history) in ReadAsync(filter, ct))
        {
            var result = CaseIntegrity.Verify(stored, history, keys.Find);
            var (_, historyProblems) = CaseIntegrity.VerifyHistory(stored, history);
            var acceptable = stored.Mac is null ? historyProblems.Count == 0 : result.Valid;
            if (!acceptable)
            {
                refused.Add(result);
                continue;
            }
            var anchor = CaseAnchor.Seal(stored.CaseId, stored.HistoryCount, stored.LastHash, stored.StateJson, keys.CurrentId, keys.Current);
            await using var update = Command(
                "UPDATE cases SET state_hash = @stateHash, anchor_key_id = @key, anchor_mac = @mac WHERE id = @id AND version = @version",
                ("@stateHash", anchor.StateHash), ("@key", anchor.KeyId), ("@mac", anchor.Mac), ("@id", stored.CaseId), ("@version", version));
            anchored += await update.ExecuteNonQueryAsync(ct);
        }
        return (anchored, refused);
    }

    /// <summary>Cases matching <paramref name="filter"/> in batches by id; each batch is read whole before it is handed out.</summary>
    private async IAsyncEnumerable<(StoredCase Stored, long Version, List<HistoryRecord> History)> ReadAsync(
        string? filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = "";
        while (true)
        {
            var where = "WHERE id > @after" + (filter is null ? "" : " AND " + filter);
            var batch = await ReadBatchAsync($"{where} ORDER BY id LIMIT {batchSize}", [("@after", after), ("@current", keys.CurrentId)], ct);
            foreach (var item in batch) yield return item;
            if (batch.Count < batchSize) yield break;
            after = batch[^1].Stored.CaseId;
        }
    }

    private async Task<List<(StoredCase Stored, long Version, List<HistoryRecord> History)>> ReadBatchAsync(
        string where, (string, object?)[] parameters, CancellationToken ct)
    {
        var cases = new List<(StoredCase Stored, long Version, List<HistoryRecord> History)>();
        var used = parameters.Where(p => where.Contains(p.Item1, StringComparison.Ordinal)).ToArray();
        await using (var query = Command($"SELECT {Columns} FROM cases {where}", used))
        await using (var r = await query.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                cases.Add((new StoredCase(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4), Text(r, 5), Text(r, 6), Text(r, 7)),
                    r.GetInt64(8), []));
        if (cases.Count == 0) return cases;

        var byId = cases.ToDictionary(c => c.Stored.CaseId, c => c.History);
        var ids = cases.Select((c, i) => ($"@c{i}", (object?)c.Stored.CaseId)).ToArray();
        await using (var query = Command(
            "SELECT case_id, sequence, type, at, actor_id, actor_name, task_id, step_id, action_id, opinion, data_json, summary, previous_hash, hash " +
            $"FROM history WHERE case_id IN ({string.Join(", ", ids.Select(p => p.Item1))}) ORDER BY case_id, sequence", ids))
        await using (var r = await query.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                byId[r.GetString(0)].Add(new HistoryRecord(r.GetString(0), r.GetInt64(1), r.GetString(2), UtcTicksConverter.FromTicks(r.GetInt64(3)),
                    r.GetString(4), r.GetString(5), Text(r, 6), Text(r, 7), Text(r, 8), Text(r, 9), r.GetString(10), r.GetString(11), r.GetString(12), r.GetString(13)));
        return cases;
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }
}
