using WorkflowEngine.Server.Cli;
using WorkflowEngine.Server.Configuration;

namespace WorkflowEngine.Host.Tests;

/// <summary>The command-line verbs: validate, deadline, flows and catalog.</summary>
public class CommandLineTests
{
    private static string Flows => Path.Combine(RepositoryPaths.Definitions(new WorkflowOptions()), "flows");

    [Test]
    public void Validate_exits_0_for_valid_files_and_1_with_one_line_per_error()
    {
        var output = new StringWriter();
        ValidateVerb.Run([Path.Combine(Flows, "licensing-approval.json"), Path.Combine(Flows, "large-fund-use.json")], output).Should().Be(0);
        output.ToString().Should().BeEmpty();

        var broken = Path.Combine(TestContext.CurrentContext.WorkDirectory, "broken.json");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(Flows, "licensing-approval.json"))
            .Replace("\"duration\": \"3wd\"", "\"duration\": \"3 days\"").Replace("\"role\": \"deputy-director\"", "\"role\": \"vice-mayor\""));
        output = new StringWriter();

        ValidateVerb.Run([broken], output).Should().Be(1);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var text = File.ReadAllLines(broken);
        var firstLimit = Array.FindIndex(text, l => l.Contains("3 days")) + 1;
        var post = Array.FindIndex(text, l => l.Contains("vice-mayor")) + 1;
        lines.Should().HaveCount(3, "two 3-working-day limits and one post were broken");
        lines.Should().Contain(l => l.StartsWith($"{broken}: steps[2].timeLimit.duration (line {firstLimit}): 时限“3 days”格式不正确"));
        lines.Should().Contain(l => l.StartsWith($"{broken}: steps[6].role (line {post}): 岗位“vice-mayor”未在“roles”中定义"));
    }

    [Test]
    public void Deadline_prints_the_last_day_or_the_due_instant_and_marks_provisional_ones()
    {
        string Run(params string[] args)
        {
            var output = new StringWriter();
            DeadlineVerb.Run(args, output, new StringWriter()).Should().Be(0);
            return output.ToString().Split('\n')[0].TrimEnd('\r');
        }

        Run("--from", "2026-02-13", "--add", "5wd").Should().Be("2026-02-27");
        Run("--from", "2026-09-24", "--add", "1d").Should().Be("2026-09-28");
        Run("--from", "2026-10-01T23:30", "--add", "2h").Should().Be("2026-10-02T01:30:00+08:00");
        Run("--from", "2026-12-28", "--add", "5wd").Should().Be("2027-01-05 provisional");
        DeadlineVerb.Run(["--from", "tomorrow", "--add", "5wd"], new StringWriter(), new StringWriter()).Should().Be(2);
    }

    [Test]
    public void The_committed_catalog_page_is_what_the_catalog_command_generates()
    {
        var flows = FlowCatalog.Load(out var invalid);
        invalid.Should().BeEmpty();
        flows.Should().HaveCount(Directory.GetFiles(Flows, "*.json").Length);
        var committed = File.ReadAllText(Path.Combine(Path.GetDirectoryName(RepositoryPaths.Definitions(new WorkflowOptions()))!, "docs", "catalog.md"));
        committed.Should().Be(FlowCatalog.Markdown(flows), "docs/catalog.md must be regenerated with `dotnet run --project Host -- catalog` after a definition changes");
    }

    [Test]
    public void Flows_lists_every_flow_with_its_limits()
    {
        var output = new StringWriter();
        FlowsVerb.Run(output).Should().Be(0);
        var text = output.ToString();
        text.Should().Contain("licensing-approval").And.Contain("20个工作日").And.Contain("15个工作日");
        text.Should().Contain($"{Directory.GetFiles(Flows, "*.json").Length} flows");
    }
}
