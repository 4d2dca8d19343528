using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace WorkflowEngine.Store.Documents;

/// <summary>
/// A template filled once by <see cref="DocxTemplate"/> with a marker for each placeholder and kept as the package's files,
/// the XML parts cut at the markers. Filling it writes each value's text at its marker and zips the files again, so the
/// same document comes out without the Open XML object model being built for every notice; the files without markers are
/// deflated once. A template it cannot keep this way (markers outside plain Word text, another prefix for Word's
/// namespace) is filled the object-model way.
/// </summary>
internal sealed class CompiledTemplate
{
    private const char MarkStart = '\uE000', MarkEnd = '\uE001';
    private const string WordNamespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    private const string LineBreak = "</w:t><w:br/><w:t xml:space=\"preserve\">";
    private const int CacheLimit = 64;

    private static readonly ConcurrentDictionary<string, CompiledTemplate?> Cache = new();

    /// <summary>A file of the package: deflated once, or XML text cut at the markers into literals and placeholder keys.</summary>
    private sealed record Entry(string Name, DateTime Written, DeflatedFile? Fixed, IReadOnlyList<string>? Literals, IReadOnlyList<string>? Keys);

    private readonly IReadOnlyList<Entry> _entries;

    private CompiledTemplate(IReadOnlyList<Entry> entries, bool usesSeal) => (_entries, UsesSeal) = (entries, usesSeal);

    /// <summary>Whether the template has the seal's placeholder, which only the object model can turn into a picture.</summary>
    public bool UsesSeal { get; }

    /// <summary>The template kept by its content's hash, or null when it must be filled the object-model way.</summary>
    public static CompiledTemplate? For(byte[] template)
    {
        var key = Convert.ToHexString(SHA256.HashData(template));
        if (Cache.TryGetValue(key, out var known)) return known;
        if (Cache.Count >= CacheLimit) Cache.Clear();
        return Cache.GetOrAdd(key, _ => Compile(template));
    }

    private static CompiledTemplate? Compile(byte[] template)
    {
        if (DocxTemplate.Placeholders(template) is not { } keys || Contains(template, MarkStart)) return null;
        var markers = keys.Select((k, i) => (k, $"{MarkStart}{i}{MarkEnd}")).ToDictionary(p => p.k, p => p.Item2);
        var marked = DocxTemplate.FillObjectModel(template, markers, seal: null);
        var entries = new List<Entry>();
        using var zip = new ZipArchive(new MemoryStream(marked, writable: false), ZipArchiveMode.Read);
        foreach (var file in zip.Entries)
        {
            var bytes = Read(file);
            var text = Encoding.UTF8.GetString(bytes);
            var written = file.LastWriteTime.DateTime;
            if (!text.Contains(MarkStart))
                entries.Add(new Entry(file.FullName, written, DeflatedFile.Of(file.FullName, written, bytes, CompressionLevel.Optimal), null, null));
            else if (Cut(text, keys) is { } cut) entries.Add(new Entry(file.FullName, written, null, cut.Literals, cut.Keys));
            else return null;
        }
        return new CompiledTemplate(entries, keys.Contains(DocxTemplate.SealKey));
    }

    /// <summary>The text between the markers and the key of each marker; null when a marker is not inside a Word text element.</summary>
    private static (List<string> Literals, List<string> Keys)? Cut(string xml, IReadOnlyList<string> keys)
    {
        if (!xml.Contains(WordNamespace, StringComparison.Ordinal)) return null;
        var literals = new List<string>();
        var slots = new List<string>();
        var from = 0;
        for (var start = xml.IndexOf(MarkStart); start >= 0; start = xml.IndexOf(MarkStart, from))
        {
            var end = xml.IndexOf(MarkEnd, start);
            if (end < 0 || !int.TryParse(xml.AsSpan(start + 1, end - start - 1), out var index) || index >= keys.Count) return null;
            var tag = xml.LastIndexOf('<', start);
            if (tag < 0 || !xml.AsSpan(tag).StartsWith("<w:t ") && !xml.AsSpan(tag).StartsWith("<w:t>")) return null;
            literals.Add(xml[from..start]);
            slots.Add(keys[index]);
            from = end + 1;
        }
        literals.Add(xml[from..]);
        return (literals, slots);
    }

    /// <summary>The filled document; <paramref name="values"/> are already fit for XML (see <see cref="DocxTemplate"/>).</summary>
    public byte[] Fill(IReadOnlyDictionary<string, string> values) => DeflatedFile.Package(_entries
        .Select(file => file.Fixed ?? DeflatedFile.Of(file.Name, file.Written, Encoding.UTF8.GetBytes(Text(file, values)), CompressionLevel.Fastest))
        .ToList());

    private static string Text(Entry file, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder();
        for (var i = 0; i < file.Keys!.Count; i++)
        {
            text.Append(file.Literals![i]);
            if (values.TryGetValue(file.Keys[i], out var value)) AppendEscaped(text, value);
        }
        return text.Append(file.Literals![^1]).ToString();
    }

    /// <summary>The value as the content of a Word text element: a line break closes the text, breaks the line and opens the next.</summary>
    private static void AppendEscaped(StringBuilder text, string value)
    {
        foreach (var c in value)
            switch (c)
            {
                case '&': text.Append("&amp;"); break;
                case '<': text.Append("&lt;"); break;
                case '>': text.Append("&gt;"); break;
                case '\n': text.Append(LineBreak); break;
                default: text.Append(c); break;
            }
    }

    private static byte[] Read(ZipArchiveEntry file)
    {
        using var stream = file.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] template, char c)
    {
        using var zip = new ZipArchive(new MemoryStream(template, writable: false), ZipArchiveMode.Read);
        return zip.Entries.Any(e => Encoding.UTF8.GetString(Read(e)).Contains(c));
    }
}
