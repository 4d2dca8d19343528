using System.IO.Compression;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Store.Documents;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// A notice filled from a compiled template is the notice the Open XML object model makes: the same text, line breaks and
/// escaped characters, in a package Word opens; templates it cannot compile are still filled, the object-model way.
/// </summary>
public class CompiledTemplateTests
{
    private static readonly byte[] Acceptance = DefaultTemplates.For(DocumentKind.AcceptanceNotice);

    /// <summary>Each placeholder of the template a value of its own, with XML's special characters.</summary>
    private static Dictionary<string, string> Values(byte[] template) => DocxTemplate.Placeholders(template)!.Where(k => k != DocxTemplate.SealKey)
        .Select((k, i) => (k, $"值{i}<&>\"'{k}")).ToDictionary(p => p.k, p => p.Item2);

    [TestCaseSource(nameof(AllKinds))]
    public void A_shipped_template_is_compiled_and_fills_as_the_object_model_does(DocumentKind kind)
    {
        var template = DefaultTemplates.For(kind);
        CompiledTemplate.For(template).Should().NotBeNull("the shipped templates are plain Word text");
        var values = Values(template);
        var multiline = values.Keys.First();
        values[multiline] = "第一行\r\n第二行\r第三行\n第四行\u0001";

        var compiled = DocxTemplate.Fill(template, values);

        var text = DocxTemplate.PlainText(compiled);
        text.Should().Be(DocxTemplate.PlainText(DocxTemplate.FillObjectModel(template, Fitted(values), seal: null)));
        text.Should().NotContain("{{").And.NotContain("\uE000");
        foreach (var key in values.Keys)
            text.Should().Contain(key == multiline ? "第一行\n第二行\n第三行\n第四行" : values[key], key);
    }

    [Test]
    public void Placeholders_split_over_runs_fill_alike_and_the_package_keeps_every_part()
    {
        var template = WordFiles.WithParagraph(Acceptance, 4,
            "本机关专用：", "{{ca", "se.appli", "cant}}", " 收件于 {{case.", "receivedOn}}", "，未知 {{no.such.key}} 止");
        var values = Values(Acceptance);

        var compiled = DocxTemplate.Fill(template, values);

        DocxTemplate.PlainText(compiled).Should().Contain($"本机关专用：{values["case.applicant"]} 收件于 {values["case.receivedOn"]}，未知  止")
            .And.Be(DocxTemplate.PlainText(DocxTemplate.FillObjectModel(template, values, seal: null)));
        Names(compiled).Should().BeEquivalentTo(Names(template));
        DocxTemplate.Fill(template, values).Should().Equal(compiled, "the same values make the same bytes, so a reissue's hash says what changed");
    }

    [Test]
    public void A_template_already_holding_the_marker_character_is_filled_the_object_model_way()
    {
        var template = WordFiles.WithParagraph(Acceptance, 4, "\uE000 {{case.no}}");
        var values = Values(Acceptance);

        CompiledTemplate.For(template).Should().BeNull();
        DocxTemplate.PlainText(DocxTemplate.Fill(template, values)).Should().Contain($"\uE000 {values["case.no"]}");
    }

    private static IEnumerable<DocumentKind> AllKinds() => Enum.GetValues<DocumentKind>();

    private static Dictionary<string, string> Fitted(Dictionary<string, string> values) =>
        values.ToDictionary(p => p.Key, p => p.Value.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\u0001", ""));

    private static IEnumerable<string> Names(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).ToList();
    }
}
