using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Organisation;

/// <summary>The database and what follows every organisation change: the security log and a fresh roster.</summary>
public sealed class OrgAdmin(IDbContextFactory<WorkflowDbContext> dbFactory, UserDirectory users, SecurityLog log)
{
    public Task<WorkflowDbContext> Db(CancellationToken ct) => dbFactory.CreateDbContextAsync(ct);

    public async Task ChangedAsync(string actor, string detail, CancellationToken ct, string? userId = null)
    {
        await log.AppendAsync(SecurityLog.Kinds.AdminChange, userId, actor, detail, null, ct);
        await users.RefreshAsync(ct);
    }
}
