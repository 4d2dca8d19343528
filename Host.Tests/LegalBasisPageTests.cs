using WorkflowEngine.Server.Cli;

namespace WorkflowEngine.Host.Tests;

/// <summary>The legal-basis page: every time limit with its basis and how it is counted, generated from the definitions.</summary>
public class LegalBasisPageTests
{
    [Test]
    public void The_committed_legal_basis_page_is_what_the_legal_basis_command_generates()
    {
        var flows = LegalBasis.Load(out var invalid);
        invalid.Should().BeEmpty();
        var committed = File.ReadAllText(LegalBasisVerb.DefaultPath);
        committed.Should().Be(LegalBasis.Markdown(flows), "docs/legal-basis.md must be regenerated with `dotnet run --project Host -- legal-basis` after a definition changes");
    }

    [Test]
    public void The_page_gives_each_statutory_limit_with_its_article_and_its_counting()
    {
        var page = LegalBasis.Markdown(LegalBasis.Load(out _));
        page.Should().Contain("| 法定时限 | 20个工作日 | 工作日 | 行政许可法第四十二条 |");
        page.Should().Contain("《医疗机构管理条例》（2022 年修订）第十二条");
        page.Should().Contain("| 法定时限 | 30日 | 日历日 |");
        page.Should().Contain("行政复议法第四十八条");

        var output = new StringWriter();
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "legal-basis.md");
        LegalBasisVerb.Run(["--out", file], output).Should().Be(0);
        File.ReadAllText(file).Should().Be(page);
    }
}
