using System.Diagnostics;
using WorkflowEngine.Testing;

namespace WorkflowEngine.Browser.Tests;

/// <summary>Runs the web UI's Vitest suite (component and store tests) so that one `dotnet test` runs everything.</summary>
[TestFixture]
public sealed class ClientAppUnitTests
{
    [Test]
    [CancelAfter(300_000)]
    public async Task Vitest_suite_passes(CancellationToken ct)
    {
        var dir = Repository.ClientApp;
        Prerequisite.Require(Path.Combine(dir, "node_modules"),
            "the UI's Vitest suite needs the UI's packages, which the Host's build installs unless SkipClientApp=true.",
            "dotnet build Host (or npm ci in Host/ClientApp)");
        var start = new ProcessStartInfo("npx", "vitest run --reporter=default --color=false")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["CI"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout + Environment.NewLine + await stderr;
        TestContext.Out.WriteLine(output);
        process.ExitCode.Should().Be(0, "npx vitest run failed:{0}{1}", Environment.NewLine, output);
        output.Should().MatchRegex(@"Tests\s+\d+ passed");
    }
}
