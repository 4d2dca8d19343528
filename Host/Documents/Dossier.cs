using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Server.Documents;

/// <summary>One file of a dossier and its SHA-256, as the manifest lists it.</summary>
public sealed record DossierEntry(string Path, string Sha256, long Size);

/// <summary>The manifest of a dossier: every file with its hash, and the case history's chain as the service verified it.</summary>
public sealed record DossierManifest(
    string CaseId, string CaseNo, DateTimeOffset CreatedAt, IReadOnlyList<DossierEntry> Files, int HistoryEntries, string HistoryLastHash,
    bool HistoryValid, string? HistoryProblem);

/// <summary>
/// The case dossier (案卷) as a ZIP: <c>summary.json</c>, <c>documents/</c> (every version of every issued document),
/// <c>materials/</c> (every uploaded file), <c>history.json</c>, <c>manifest.json</c> (SHA-256 of every file and the chain
/// check) and <c>verification.txt</c> (the same in Chinese). <see cref="Verify"/> checks one offline.
/// </summary>
public static class Dossier
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(string caseId, string caseNo, DateTimeOffset now, object summary, IReadOnlyList<HistoryRecord> history,
        IReadOnlyList<(string Path, byte[] Content)> files)
    {
        var chain = HistoryChain.Verify(history);
        var all = new List<(string Path, byte[] Content)>
        {
            ("summary.json", JsonSerializer.SerializeToUtf8Bytes(summary, Json)),
            ("history.json", JsonSerializer.SerializeToUtf8Bytes(history, Json)),
        };
        all.AddRange(files);
        var manifest = new DossierManifest(caseId, caseNo, now, all.Select(f => new DossierEntry(f.Path, Sha256(f.Content), f.Content.Length)).ToList(),
            history.Count, history.Count == 0 ? HistoryChain.Genesis : history[^1].Hash, chain.Valid, chain.Reason);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in all) Add(zip, path, content);
            Add(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
            Add(zip, "verification.txt", Encoding.UTF8.GetBytes(Report(manifest)));
        }
        return stream.ToArray();
    }

    private static string Report(DossierManifest m)
    {
        var text = new StringBuilder();
        text.AppendLine($"案卷核验报告　案件编号 {m.CaseNo}　生成时间 {m.CreatedAt:yyyy-MM-dd HH:mm:ss zzz}");
        text.AppendLine($"办理记录 {m.HistoryEntries} 条，哈希链{(m.HistoryValid ? "完整" : "已断裂：" + m.HistoryProblem)}，末条哈希 {m.HistoryLastHash}");
        text.AppendLine("文件清单（SHA-256）：");
        foreach (var f in m.Files) text.AppendLine($"{f.Sha256}  {f.Size,10}  {f.Path}");
        text.AppendLine("离线核验：workflow verify-dossier 本文件.zip");
        return text.ToString();
    }

    /// <summary>
    /// Checks a dossier against itself: every listed file is present with its hash and no file is unlisted, the history's
    /// chain holds and ends at the manifest's last hash, and every document and material file the history recorded is in
    /// the dossier with the hash the history gives. Returns the problems, each naming the file; none means it verifies.
    /// </summary>
    public static IReadOnlyList<string> Verify(Stream zipStream)
    {
        var problems = new List<string>();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(zipStream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return ["文件不是有效的 ZIP 案卷。"];
        }
        using (zip)
        {
            var contents = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, Read);
            if (!contents.TryGetValue("manifest.json", out var manifestBytes)) return ["案卷缺少 manifest.json。"];
            DossierManifest manifest;
            try
            {
                manifest = JsonSerializer.Deserialize<DossierManifest>(manifestBytes, Json) ?? throw new JsonException();
            }
            catch (JsonException)
            {
                return ["manifest.json 无法读取。"];
            }
            foreach (var entry in manifest.Files)
            {
                if (!contents.TryGetValue(entry.Path, out var content)) problems.Add($"{entry.Path}：清单所列文件缺失。");
                else if (Sha256(content) != entry.Sha256) problems.Add($"{entry.Path}：SHA-256 与清单不符，文件已被改动。");
            }
            foreach (var path in contents.Keys.Where(p => p is not ("manifest.json" or "verification.txt") && manifest.Files.All(f => f.Path != p)))
                problems.Add($"{path}：文件不在清单中。");
            if (!contents.TryGetValue("history.json", out var historyBytes)) return [.. problems, "案卷缺少 history.json。"];
            List<HistoryRecord> history;
            try
            {
                history = JsonSerializer.Deserialize<List<HistoryRecord>>(historyBytes, Json) ?? [];
            }
            catch (JsonException)
            {
                return [.. problems, "history.json 无法读取。"];
            }
            var chain = HistoryChain.Verify(history);
            if (!chain.Valid) problems.Add($"history.json：{chain.Reason}");
            var last = history.Count == 0 ? HistoryChain.Genesis : history.OrderBy(h => h.Sequence).Last().Hash;
            if (last != manifest.HistoryLastHash) problems.Add("history.json：末条记录的哈希与清单不符。");
            var hashes = contents.Where(c => c.Key.StartsWith("documents/", StringComparison.Ordinal) || c.Key.StartsWith("materials/", StringComparison.Ordinal))
                .Select(c => Sha256(c.Value)).ToHashSet();
            foreach (var h in history.Where(h => h.Type is EventTypes.DocumentIssued or EventTypes.MaterialAttached))
            {
                using var data = JsonDocument.Parse(h.DataJson);
                if (data.RootElement.TryGetProperty("sha256", out var sha) && !hashes.Contains(sha.GetString() ?? ""))
                    problems.Add($"history.json 第 {h.Sequence} 条（{h.Summary}）记录的文件不在案卷中或已被改动（SHA-256 {sha.GetString()}）。");
            }
        }
        return problems;
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string path, byte[] content)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
