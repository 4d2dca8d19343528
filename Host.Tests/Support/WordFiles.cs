using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WorkflowEngine.Host.Tests.Support;

/// <summary>Edits a Word template as an agency's clerk would in Word, where one typed text often ends up in several runs.</summary>
public static class WordFiles
{
    /// <summary>The document with one more paragraph at <paramref name="position"/> of its body, each text its own run, every other one bold.</summary>
    public static byte[] WithParagraph(byte[] docx, int position, params string[] runs)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            var paragraph = new Paragraph(runs.Select((r, i) => new Run(i % 2 == 0 ? new RunProperties(new Bold()) : new RunProperties(),
                new Text(r) { Space = SpaceProcessingModeValues.Preserve })));
            body.InsertAt(paragraph, position);
            document.MainDocumentPart.Document.Save();
        }
        return stream.ToArray();
    }
}
