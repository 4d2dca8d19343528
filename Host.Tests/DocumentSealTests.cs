using System.Net;
using DocumentFormat.OpenXml.Packaging;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Store.Documents;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace WorkflowEngine.Host.Tests;

/// <summary>The agency's seal image is placed where a template says {{agency.seal}}, sized like a real seal, and absent cleanly without one.</summary>
public class DocumentSealTests
{
    /// <summary>A real 40 × 20 pixel PNG: the seal keeps its proportions at 4.2 cm wide.</summary>
    private static readonly byte[] Seal = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAACgAAAAUCAYAAAD/Rn+7AAAAMklEQVR4nO3OMQ0AMAzAsPDHNk4tiik9cvg3D+Yy7EDBgnagYEE7ULCgHShY0A4U/G0BDeaarDyHqEkAAAAASUVORK5CYII=");

    [Test]
    public async Task An_issued_document_carries_the_uploaded_seal_and_a_reissue_after_removing_it_has_no_image_and_no_placeholder()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var admin = await host.LoginAsync("admin");
        (await admin.PutFile("/api/agency-settings/seal", Seal, "seal.png")).Status.Should().Be(HttpStatusCode.NoContent);
        var clerk = await host.LoginAsync("window");
        var view = await clerk.StartLicensingCase();
        (await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } }))
            .Status.Should().Be(HttpStatusCode.OK);

        var sealed_ = await DocxAsync(clerk, view.Id(), version: 1);
        using (var document = WordprocessingDocument.Open(new MemoryStream(sealed_), false))
        {
            var image = document.MainDocumentPart!.ImageParts.Should().ContainSingle().Subject;
            image.ContentType.Should().Be("image/png");
            using var stream = image.GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.ToArray().Should().Equal(Seal, "the document holds the very bytes the administrator uploaded");
            var extent = document.MainDocumentPart.Document!.Descendants<DW.Inline>().Should().ContainSingle().Subject.Extent!;
            extent.Cx!.Value.Should().Be(1_512_000, "4.2 cm");
            extent.Cy!.Value.Should().Be(756_000, "the 40 × 20 image keeps its proportions");
        }
        DocxTemplate.PlainText(sealed_).Should().NotContain("{{").And.NotContain("agency.seal");

        (await admin.SendDelete("/api/agency-settings/seal")).Should().Be(HttpStatusCode.NoContent);
        (await admin.Post($"/api/cases/{view.Id()}/documents/acceptance-notice/1/reissue", null)).Status.Should().Be(HttpStatusCode.OK);
        var plain = await DocxAsync(clerk, view.Id(), version: 2);
        using (var document = WordprocessingDocument.Open(new MemoryStream(plain), false))
        {
            document.MainDocumentPart!.ImageParts.Should().BeEmpty();
            document.MainDocumentPart.Document!.Descendants<DW.Inline>().Should().BeEmpty();
        }
        DocxTemplate.PlainText(plain).Should().NotContain("{{").And.NotContain("agency.seal").And.Contain("受理通知书");
    }

    private static async Task<byte[]> DocxAsync(HttpClient user, string caseId, int version)
    {
        var document = (await user.Get($"/api/cases/{caseId}/files")).Body.GetProperty("documents").EnumerateArray()
            .Single(d => d.GetProperty("version").GetInt32() == version);
        return await user.GetByteArrayAsync($"/api/cases/{caseId}/documents/{document.GetProperty("id").GetString()}");
    }
}
