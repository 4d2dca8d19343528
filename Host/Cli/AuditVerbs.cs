using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkflowEngine.Server.Audit;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Server.Database;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Cli;

/// <summary>
/// <c>verify</c>: the whole tamper check of every case, broken ones listed with the reason, exit 1 when any is;
/// <c>rotate-chain-key</c>: a new current chain key, and every case that verifies re-anchored with it.
/// Both take the service's database options (<c>--db FILE</c>, or <c>--db-provider Postgres --db-connection …</c>) and <c>--chain-key-file</c>.
/// </summary>
public static class AuditVerbs
{
    private const int ProgressEvery = 1000;

    public static async Task<int> VerifyAsync(string[] args, TextWriter output, TextWriter error)
    {
        await using var app = ServerApp.Build([.. args, "--Logging:LogLevel:Default=Warning"]);
        var options = app.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value;
        var keyFile = options.Audit.ChainKeyFile;
        if (!File.Exists(keyFile))
        {
            await error.WriteLineAsync($"找不到密钥文件“{keyFile}”：请用 --chain-key-file 指定服务所用的密钥文件。");
            return 2;
        }
        var keys = ChainKeyFile.Load(keyFile);
        await using var db = await OpenAsync(app.Services);
        var connection = db.Database.GetDbConnection();
        int checkedCases = 0, broken = 0;
        await foreach (var result in new CaseAnchors(connection, keys).VerifyAllAsync())
        {
            if (++checkedCases % ProgressEvery == 0) await error.WriteLineAsync($"已校验 {checkedCases:N0} 个案件，发现 {broken} 个异常……");
            if (result.Valid) continue;
            broken++;
            await output.WriteLineAsync($"案件 {result.CaseNo}（{result.CaseId}）校验失败：{string.Join("；", result.Problems)}");
        }
        await output.WriteLineAsync($"校验完成：{DatabaseSetup.Describe(options.Database)} 共 {checkedCases:N0} 个案件，{broken} 个异常。");
        return broken == 0 ? 0 : 1;
    }

    public static async Task<int> RotateKeyAsync(string[] args, TextWriter output, TextWriter error)
    {
        await using var app = ServerApp.Build([.. args, "--Logging:LogLevel:Default=Warning"]);
        var options = app.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value;
        await DatabaseSetup.MigrateAsync(options.Database);
        // The ring as it was (made now if missing) anchors the older cases first, so that rotation starts from anchored cases.
        var before = app.Services.GetRequiredService<ChainKeyRing>();
        await using var db = await OpenAsync(app.Services);
        var connection = db.Database.GetDbConnection();
        await new CaseAnchors(connection, before).AnchorAsync(all: false);

        var keys = ChainKeyFile.Rotate(options.Audit.ChainKeyFile);
        await output.WriteLineAsync($"新的当前密钥：{keys.CurrentId}（原密钥 {before.CurrentId} 保留在“{options.Audit.ChainKeyFile}”中，用于校验旧锚定）。");
        var (anchored, refused) = await new CaseAnchors(connection, keys).AnchorAsync(all: true);
        foreach (var result in refused)
            await output.WriteLineAsync($"案件 {result.CaseNo}（{result.CaseId}）校验失败，保留原锚定：{string.Join("；", result.Problems)}");
        await output.WriteLineAsync($"已用新密钥重新锚定 {anchored:N0} 个案件，{refused.Count} 个未通过校验。请重启服务，使新的写入使用新密钥。");
        return refused.Count == 0 ? 0 : 1;
    }

    /// <summary>A context of the configured database with its connection open (closed when the context is disposed).</summary>
    private static async Task<WorkflowDbContext> OpenAsync(IServiceProvider services)
    {
        var db = await services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        return db;
    }
}
