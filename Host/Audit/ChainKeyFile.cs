using System.Security.Cryptography;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Server.Database;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Audit;

/// <summary>
/// The file that holds the chain keys, outside the database: one key a line, <c>ID BASE64</c>, the last line the current
/// key and the lines above it retired keys that still verify the anchors they made. Made with one random 256-bit key
/// and mode 600 when missing; every change replaces the whole file atomically.
/// </summary>
public static class ChainKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// <c>Audit:ChainKeyFile</c> when set (a relative path from the content root); otherwise beside the SQLite file
    /// (<c>workflow.db.keys</c>), or <c>chain.keys</c> in the content root on PostgreSQL.
    /// </summary>
    public static string PathFor(WorkflowOptions options, string contentRoot)
    {
        var configured = options.Audit.ChainKeyFile;
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(Path.Combine(contentRoot, configured));
        return DatabaseSetup.IsPostgres(options.Database)
            ? Path.Combine(Path.GetFullPath(contentRoot), "chain.keys")
            : Path.GetFullPath(Path.Combine(contentRoot, options.Database.Path)) + ".keys";
    }

    /// <summary>The key ring of <paramref name="path"/>, made with a new key first when the file does not exist.</summary>
    /// <param name="exposed">Told the file's mode when others than its owner may read or write it.</param>
    public static ChainKeyRing LoadOrCreate(string path, Action<string>? created = null, Action<string, UnixFileMode>? exposed = null)
    {
        if (!File.Exists(path))
        {
            var made = TryCreate(path, [NewKey()]);
            if (made) created?.Invoke(path);
        }
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~(OwnerOnly | UnixFileMode.UserExecute)) is not 0)
            exposed?.Invoke(path, File.GetUnixFileMode(path));
        return Load(path);
    }

    /// <summary>Adds a new current key; the previous ones stay as retired keys. Returns the new ring.</summary>
    public static ChainKeyRing Rotate(string path)
    {
        var lines = Read(path);
        lines.Add(NewKey());
        Write(path, lines);
        return Load(path);
    }

    public static ChainKeyRing Load(string path)
    {
        var lines = Read(path);
        if (lines.Count == 0) throw new InvalidDataException($"密钥文件“{path}”中没有密钥。");
        return new ChainKeyRing(lines[^1].Id, lines.ToDictionary(l => l.Id, l => l.Key));
    }

    private static List<(string Id, byte[] Key)> Read(string path)
    {
        var keys = new List<(string Id, byte[] Key)>();
        var number = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            byte[]? key = null;
            if (parts.Length == 2) try { key = Convert.FromBase64String(parts[1]); } catch (FormatException) { }
            if (key is not { Length: >= 32 })
                throw new InvalidDataException($"密钥文件“{path}”第 {number} 行应为“密钥编号 Base64 密钥（至少 256 位）”。");
            keys.Add((parts[0], key));
        }
        return keys;
    }

    private static (string Id, byte[] Key) NewKey() =>
        ($"{DateTime.UtcNow:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}", RandomNumberGenerator.GetBytes(32));

    private static string Text(IEnumerable<(string Id, byte[] Key)> keys) =>
        "# Chain keys of the workflow engine: ID BASE64, the last line is the current key. Keep this file secret and backed up apart from the database.\n" +
        string.Concat(keys.Select(k => $"{k.Id} {Convert.ToBase64String(k.Key)}\n"));

    /// <summary>Makes the file unless it exists (another node may make it at the same moment: the first one wins).</summary>
    private static bool TryCreate(string path, IEnumerable<(string Id, byte[] Key)> keys)
    {
        var temporary = WriteTemporary(path, keys);
        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }

    private static void Write(string path, IEnumerable<(string Id, byte[] Key)> keys) => File.Move(WriteTemporary(path, keys), path, overwrite: true);

    private static string WriteTemporary(string path, IEnumerable<(string Id, byte[] Key)> keys)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(Text(keys));
        return temporary;
    }
}

/// <summary>The log category of the chain keys.</summary>
public sealed class ChainKeyRingLog;
