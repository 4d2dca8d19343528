using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Testing;

namespace WorkflowEngine.Host.Tests;

/// <summary>An issued document rendered to PDF by the machine's LibreOffice, kept once rendered.</summary>
public class DocumentPdfTests
{
    [Test]
    public async Task An_issued_notice_is_rendered_to_a_pdf_with_pages_when_libreoffice_is_installed()
    {
        Prerequisite.Require("/usr/bin/soffice", "PDF rendering of issued documents needs LibreOffice.",
            "apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk");
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var clerk = await host.LoginAsync("window");
        var view = await clerk.StartLicensingCase();
        (await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } }))
            .Status.Should().Be(HttpStatusCode.OK);
        var files = (await clerk.Get($"/api/cases/{view.Id()}/files")).Body;
        files.GetProperty("pdfAvailable").GetBoolean().Should().BeTrue();
        var id = files.GetProperty("documents")[0].GetProperty("id").GetString();

        using var response = await clerk.GetAsync($"/api/cases/{view.Id()}/documents/{id}?format=pdf");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
        var latin = Encoding.Latin1.GetString(pdf);
        Regex.Matches(latin, @"/Type\s*/Page(?!s)").Count.Should().BeGreaterThanOrEqualTo(1, "the rendering has at least one page");
        Regex.IsMatch(latin, @"/FontName\s*/[A-Z]{6}\+Noto", RegexOptions.None).Should().BeTrue("the Chinese text is set in an embedded CJK font");

        (await clerk.Get($"/api/cases/{view.Id()}/files")).Body.GetProperty("documents")[0].GetProperty("hasPdf").GetBoolean()
            .Should().BeTrue("the rendering is kept with the record");
        (await clerk.GetByteArrayAsync($"/api/cases/{view.Id()}/documents/{id}?format=pdf")).Should().Equal(pdf, "a kept rendering is served again, not rendered anew");
    }
}
