using WorkflowEngine.Server.Auth;
using WorkflowEngine.Server.Startup;

namespace WorkflowEngine.Server.Cli;

/// <summary>
/// users set-password NAME PASSWORD [--db FILE]: sets a password from the server's console (an administrator locked
/// out, a first administrator). Applies pending schema scripts and the first-start seed first; the password policy
/// applies, there is no forced change at the next sign-in, the lockout is lifted and the user's sessions end.
/// </summary>
public static class UsersVerb
{
    public const string Usage = "用法：users set-password 用户名 新密码 [--db 数据库文件]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var positional = new List<string>();
        string? db = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--db" && i + 1 < args.Length) db = args[++i];
            else positional.Add(args[i]);
        }
        if (positional is not ["set-password", var name, var password])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        string[] serverArgs = db is null ? ["--Logging:LogLevel:Default=Warning"] : ["--db", db, "--Logging:LogLevel:Default=Warning"];
        await using var app = ServerApp.Build(serverArgs);
        await app.Services.GetRequiredService<StartupInitializer>().StartAsync(CancellationToken.None);
        var users = app.Services.GetRequiredService<UserDirectory>();
        if (await users.FindAsync(name) is null)
        {
            await error.WriteLineAsync($"用户“{name}”不存在。");
            return 1;
        }
        if (await users.SetPasswordAsync(name, password, mustChange: false) is { } problem)
        {
            await error.WriteLineAsync(problem);
            return 1;
        }
        await app.Services.GetRequiredService<SessionStore>().EndAllAsync(name);
        await app.Services.GetRequiredService<SecurityLog>().AppendAsync(SecurityLog.Kinds.PasswordReset, name, "(命令行)", "通过命令行设置密码（无须在登录时修改），已解除锁定");
        await output.WriteLineAsync($"已为用户“{name}”设置新密码，已解除锁定，登录时无须修改。");
        return 0;
    }
}
