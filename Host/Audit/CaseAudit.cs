using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Audit;

/// <summary>The whole tamper check (<see cref="CaseIntegrity"/>) of one case or of every case, on a read connection of the service's database.</summary>
public sealed class CaseAudit(IDbContextFactory<WorkflowDbContext> dbFactory, ChainKeyRing keys)
{
    public async Task<CaseVerification?> VerifyAsync(string caseId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        return await new CaseAnchors(db.Database.GetDbConnection(), keys).VerifyAsync(caseId, ct);
    }

    /// <summary>Every case, checked in batches; the broken ones are kept up to <paramref name="keep"/>, all are counted.</summary>
    public async Task<AuditSummary> VerifyAllAsync(int keep, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        int checkedCases = 0, broken = 0;
        var listed = new List<CaseVerification>();
        await foreach (var result in new CaseAnchors(db.Database.GetDbConnection(), keys).VerifyAllAsync(ct))
        {
            checkedCases++;
            if (result.Valid) continue;
            broken++;
            if (listed.Count < keep) listed.Add(result);
        }
        return new AuditSummary(checkedCases, broken, listed, broken > listed.Count);
    }
}

/// <summary>How many cases were checked and broken, and the broken ones (at most the limit asked for; <see cref="Truncated"/> when more were).</summary>
public sealed record AuditSummary(int Checked, int Broken, IReadOnlyList<CaseVerification> BrokenCases, bool Truncated);
