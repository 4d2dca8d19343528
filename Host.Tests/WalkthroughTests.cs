using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Server;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Testing;

namespace WorkflowEngine.Host.Tests;

/// <summary>The README walkthrough (samples/walkthrough.sh) against the real service listening on a port.</summary>
public class WalkthroughTests
{
    [Test]
    public async Task The_walkthrough_script_runs_to_the_red_card()
    {
        var port = Ports.Free();
        await using var app = ServerApp.Build(["--db", WorkflowHost.NewDatabase(), "--clock", "simulated", "--clock-start", "2026-03-02T09:00+08:00",
            "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var script = Path.Combine(Path.GetDirectoryName(RepositoryPaths.Definitions(new WorkflowOptions()))!, "samples", "walkthrough.sh");

        var run = Process.Start(new ProcessStartInfo("bash", [script, $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = await run.StandardOutput.ReadToEndAsync();
        var errors = await run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();
        await app.StopAsync();

        run.ExitCode.Should().Be(0, output + errors);
        output.Should().Contain("已受理，进入“审核”；法定时限届满于 2026-03-31T00:00:00+08:00");
        output.Should().Contain("level:red  limit:step");
        output.Should().Contain("红牌：案件");
    }

}
