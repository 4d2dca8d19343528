using System.Buffers.Binary;
using System.IO.Compression;

namespace WorkflowEngine.Store.Documents;

/// <summary>
/// A file of a zip package, already deflated, with what the package's headers say of it. A package's unchanging files are
/// deflated once and written again as they are; <see cref="Package"/> writes the headers around them.
/// </summary>
internal sealed record DeflatedFile(string Name, DateTime Written, uint Crc32, int Length, byte[] Deflated)
{
    public static DeflatedFile Of(string name, DateTime written, ReadOnlySpan<byte> content, CompressionLevel level)
    {
        // The zip format counts its dates from 1980.
        if (written.Year < 1980) written = new DateTime(1980, 1, 1);
        using var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, level, leaveOpen: true)) deflate.Write(content);
        return new DeflatedFile(name, written, System.IO.Hashing.Crc32.HashToUInt32(content), content.Length, deflated.ToArray());
    }

    /// <summary>The zip package of these files, in this order (no ZIP64: each file and the whole under 4 GB).</summary>
    public static byte[] Package(IReadOnlyList<DeflatedFile> files)
    {
        using var zip = new MemoryStream();
        var offsets = new long[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            offsets[i] = zip.Position;
            files[i].WriteHeader(zip, central: false, 0);
            zip.Write(files[i].Deflated);
        }
        var directory = zip.Position;
        for (var i = 0; i < files.Count; i++) files[i].WriteHeader(zip, central: true, offsets[i]);
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)files.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)files.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)(zip.Position - directory));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)directory);
        zip.Write(end);
        return zip.ToArray();
    }

    /// <summary>The local header before the file's data, or its entry in the central directory.</summary>
    private void WriteHeader(Stream zip, bool central, long offset)
    {
        var name = System.Text.Encoding.UTF8.GetBytes(Name);
        Span<byte> header = stackalloc byte[central ? 46 : 30];
        BinaryPrimitives.WriteUInt32LittleEndian(header, central ? 0x02014b50u : 0x04034b50u);
        var at = 4;
        if (central) at += Put(header[at..], 20); // version made by
        at += Put(header[at..], 20); // version needed to extract
        at += Put(header[at..], name.Any(b => b >= 0x80) ? (ushort)0x0800 : (ushort)0); // flags: UTF-8 name
        at += Put(header[at..], 8); // deflate
        at += Put(header[at..], (ushort)((Written.Hour << 11) | (Written.Minute << 5) | (Written.Second / 2)));
        at += Put(header[at..], (ushort)(((Written.Year - 1980) << 9) | (Written.Month << 5) | Written.Day));
        BinaryPrimitives.WriteUInt32LittleEndian(header[at..], Crc32);
        BinaryPrimitives.WriteUInt32LittleEndian(header[(at + 4)..], (uint)Deflated.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[(at + 8)..], (uint)Length);
        at += 12;
        Put(header[at..], (ushort)name.Length);
        if (central) BinaryPrimitives.WriteUInt32LittleEndian(header[42..], (uint)offset);
        zip.Write(header);
        zip.Write(name);
    }

    private static int Put(Span<byte> at, ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, value);
        return 2;
    }
}
