using System.Diagnostics;
using WorkflowEngine.Store.Documents;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Documents;

/// <summary>
/// A PDF rendering of an issued .docx where the machine has LibreOffice (<c>soffice --headless --convert-to pdf</c>).
/// Optional: without it documents are .docx only and the case page says so. Rendered when first asked for and kept.
/// </summary>
public static class PdfRenderer
{
    private static readonly Lazy<string?> Soffice = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .SelectMany(dir => new[] { Path.Combine(dir, "soffice"), Path.Combine(dir, "libreoffice") }).FirstOrDefault(File.Exists));

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static bool Available => Soffice.Value is not null;

    /// <summary>Renders and stores the PDF of a document version if there is none yet and LibreOffice is installed.</summary>
    public static async Task<IssuedDocumentRow> AttachAsync(CaseFiles files, IssuedDocumentRow row, CancellationToken ct)
    {
        if (row.PdfSha256 is not null || !Available) return row;
        var docx = await files.BlobAsync(row.DocxSha256, ct);
        if (docx is null || await RenderAsync(docx, ct) is not { } pdf) return row;
        return await files.SetPdfAsync(row, pdf, ct);
    }

    private static async Task<byte[]?> RenderAsync(byte[] docx, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("workflow-pdf-");
        await OneAtATime.WaitAsync(ct);
        try
        {
            var input = Path.Combine(folder.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var start = new ProcessStartInfo(Soffice.Value!, ["--headless", "--norestore", $"-env:UserInstallation=file://{folder.FullName}/profile",
                "--convert-to", "pdf", "--outdir", folder.FullName, input]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            var output = Path.Combine(folder.FullName, "document.pdf");
            return process.ExitCode == 0 && File.Exists(output) ? await File.ReadAllBytesAsync(output, ct) : null;
        }
        finally
        {
            OneAtATime.Release();
            folder.Delete(recursive: true);
        }
    }
}
