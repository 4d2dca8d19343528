using System.Text.RegularExpressions;
using WorkflowEngine.Server.Cli.Bench;

namespace WorkflowEngine.Host.Tests;

/// <summary>The scale and HTTP benchmarks run end to end on a small load and end with the one line scripts read.</summary>
public class BenchTests
{
    [Test]
    public async Task Bench_http_drives_whole_cases_over_the_api_and_ends_with_its_summary_line()
    {
        var output = new StringWriter();
        (await BenchVerb.RunAsync(["http", "--clients", "2", "--seconds", "1", "--warmup", "1"], output)).Should().Be(0);
        var last = LastLine(output);
        var match = Regex.Match(last, @"^http: clients=2 actions_per_s=(\d+) raw_tx_per_s=(\d+) ratio=(\d+\.\d+)$");
        match.Success.Should().BeTrue(last);
        int.Parse(match.Groups[1].Value).Should().BePositive("cases were driven through the API");
    }

    [Test]
    public async Task Bench_scale_builds_the_cases_times_every_list_and_ends_with_its_summary_line()
    {
        var output = new StringWriter();
        (await BenchVerb.RunAsync(["scale", "--cases", "200", "--requests", "2"], output)).Should().Be(0);
        var text = output.ToString();
        text.Should().Contain("running: 140").And.Contain("closed: 60", "70 % of the cases stay open and 30 % close");
        foreach (var endpoint in new[] { "work list first page", "case page", "deadlines red", "alerts", "risk ledger", "on-time stats" })
            text.Should().Contain($"| {endpoint} |");
        LastLine(output).Should().MatchRegex(@"^scale: cases=200 p99_max_ms=\d+\.\d worst=\S+ rss_mb=\d+$");
    }

    private static string LastLine(StringWriter output) => output.ToString().TrimEnd().Split('\n')[^1].TrimEnd('\r');
}
