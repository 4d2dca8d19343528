using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WorkflowEngine.Store.Documents;

/// <summary>
/// A Word (.docx) template with placeholders <c>{{key}}</c>. Word often splits what one types into several runs
/// (spelling marks, formatting, revision ids), so placeholders are found in the text of a whole paragraph and
/// replaced across the runs they span; the replacement takes the formatting of the run where the placeholder starts.
/// A value with line breaks becomes lines of that paragraph. <c>{{agency.seal}}</c> becomes the agency's seal picture
/// where one is set, and nothing where none is.
/// </summary>
public static partial class DocxTemplate
{
    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>The placeholders the template uses, in order of first use; null when the bytes are not a Word document.</summary>
    public static IReadOnlyList<string>? Placeholders(byte[] docx)
    {
        try
        {
            using var stream = new MemoryStream(docx, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            if (document.MainDocumentPart?.Document?.Body is null) return null;
            var keys = new List<string>();
            foreach (var paragraph in Paragraphs(document))
                foreach (Match m in Placeholder().Matches(string.Concat(paragraph.Descendants<Text>().Select(t => t.Text))))
                    if (!keys.Contains(m.Groups[1].Value)) keys.Add(m.Groups[1].Value);
            return keys;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or ArgumentException)
        {
            return null;
        }
    }

    public const string SealKey = "agency.seal";

    /// <summary>
    /// A copy of the template with every placeholder replaced by its value (an unknown key by an empty string), and the
    /// seal placeholder by the seal's picture when there is a seal.
    /// </summary>
    public static byte[] Fill(byte[] template, IReadOnlyDictionary<string, string> values, SealImage? seal = null)
    {
        var fit = values.ToDictionary(p => p.Key, p => FitForXml(p.Value));
        return CompiledTemplate.For(template) is { } compiled && (seal is null || !compiled.UsesSeal)
            ? compiled.Fill(fit)
            : FillObjectModel(template, fit, seal);
    }

    /// <summary>The value with line ends as <c>\n</c> and without the characters XML cannot carry (control characters, lone surrogates).</summary>
    private static string FitForXml(string value)
    {
        if (value.All(c => c is >= ' ' and < '\uD800' or >= '\uE000' and < '\uFFFE' or '\n' or '\t')) return value;
        var fit = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r') { if (i + 1 == value.Length || value[i + 1] != '\n') fit.Append('\n'); }
            else if (XmlConvert.IsXmlChar(c)) fit.Append(c);
            else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c)) fit.Append(c).Append(value[++i]);
        }
        return fit.ToString();
    }

    /// <summary>The fill through the Open XML object model, which <see cref="CompiledTemplate"/> saves where it can.</summary>
    internal static byte[] FillObjectModel(byte[] template, IReadOnlyDictionary<string, string> values, SealImage? seal)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            foreach (var (part, paragraph) in OwnedParagraphs(document).ToList()) FillParagraph(part, paragraph, values, seal);
            document.MainDocumentPart!.Document!.Save();
            foreach (var header in document.MainDocumentPart.HeaderParts) header.Header?.Save();
            foreach (var footer in document.MainDocumentPart.FooterParts) footer.Footer?.Save();
        }
        return stream.ToArray();
    }

    /// <summary>All the text of a document, paragraph by paragraph (for tests and checks).</summary>
    public static string PlainText(byte[] docx)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
        var text = new StringBuilder();
        foreach (var paragraph in Paragraphs(document))
        {
            foreach (var element in paragraph.Descendants())
                if (element is Text t) text.Append(t.Text);
                else if (element is Break) text.Append('\n');
            text.Append('\n');
        }
        return text.ToString();
    }

    private static IEnumerable<Paragraph> Paragraphs(WordprocessingDocument document) => OwnedParagraphs(document).Select(p => p.Paragraph);

    /// <summary>Every paragraph with the part that holds it (a picture's image belongs to that part).</summary>
    private static IEnumerable<(OpenXmlPart Part, Paragraph Paragraph)> OwnedParagraphs(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart!;
        IEnumerable<(OpenXmlPart, Paragraph)> all = main.Document!.Body!.Descendants<Paragraph>().Select(p => ((OpenXmlPart)main, p));
        foreach (var header in main.HeaderParts) all = all.Concat(header.Header?.Descendants<Paragraph>().Select(p => ((OpenXmlPart)header, p)) ?? []);
        foreach (var footer in main.FooterParts) all = all.Concat(footer.Footer?.Descendants<Paragraph>().Select(p => ((OpenXmlPart)footer, p)) ?? []);
        return all;
    }

    private static void FillParagraph(OpenXmlPart part, Paragraph paragraph, IReadOnlyDictionary<string, string> values, SealImage? seal)
    {
        var texts = paragraph.Descendants<Text>().ToList();
        if (texts.Count == 0) return;
        var starts = new int[texts.Count];
        var lengths = texts.Select(t => t.Text.Length).ToArray();
        var whole = new StringBuilder();
        for (var i = 0; i < texts.Count; i++)
        {
            starts[i] = whole.Length;
            whole.Append(texts[i].Text);
        }
        var matches = Placeholder().Matches(whole.ToString());
        if (matches.Count == 0) return;
        var multiline = new HashSet<Text>();
        var sealAfter = new List<Text>();
        // From the last to the first, so that the positions of the earlier ones still hold.
        foreach (var m in matches.Reverse())
        {
            var isSeal = m.Groups[1].Value == SealKey;
            var value = !isSeal && values.TryGetValue(m.Groups[1].Value, out var v) ? v : "";
            var (first, firstOffset) = Locate(starts, lengths, m.Index);
            var (last, lastOffset) = Locate(starts, lengths, m.Index + m.Length - 1);
            var head = texts[first].Text[..firstOffset];
            var tail = texts[last].Text[(lastOffset + 1)..];
            for (var i = first + 1; i < last; i++) texts[i].Text = "";
            if (first == last) texts[first].Text = head + value + tail;
            else
            {
                texts[first].Text = head + value;
                texts[last].Text = tail;
            }
            if (value.Contains('\n')) multiline.Add(texts[first]);
            if (isSeal) sealAfter.Add(texts[first]);
        }
        foreach (var t in texts) t.Space = SpaceProcessingModeValues.Preserve;
        foreach (var t in multiline) SplitLines(t);
        if (seal is not null)
            foreach (var t in sealAfter)
                if (t.Ancestors<Run>().FirstOrDefault() is { } run) run.InsertAfterSelf(SealPicture.Create(part, seal));
    }

    /// <summary>The text holding the character at <paramref name="position"/> of the paragraph, and where in it.</summary>
    private static (int Index, int Offset) Locate(int[] starts, int[] lengths, int position)
    {
        for (var i = 0; i < starts.Length; i++)
            if (position >= starts[i] && position < starts[i] + lengths[i]) return (i, position - starts[i]);
        throw new InvalidOperationException("A placeholder lies outside the paragraph's text.");
    }

    /// <summary>Turns "a\nb" in one text into text a, a line break, text b, within the same run.</summary>
    private static void SplitLines(Text text)
    {
        var lines = text.Text.Split('\n');
        text.Text = lines[0];
        OpenXmlElement after = text;
        foreach (var line in lines.Skip(1))
        {
            var br = new Break();
            after.InsertAfterSelf(br);
            var next = new Text(line) { Space = SpaceProcessingModeValues.Preserve };
            br.InsertAfterSelf(next);
            after = next;
        }
    }
}
