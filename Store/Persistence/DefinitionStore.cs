using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Definitions.Validation;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Store.Persistence;

public sealed record SaveResult(DefinitionRecord? Saved, IReadOnlyList<DefinitionError> Errors, bool Unchanged = false);

/// <summary>
/// Definition versions: drafts and published ones. A stored version never changes, so a running case stays
/// on the version it started with; parsed definitions are cached by id and version.
/// </summary>
public sealed class DefinitionStore(IDbContextFactory<WorkflowDbContext> dbFactory, DefinitionLoadOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string, int), FlowDefinition> _parsed = new();
    /// <summary>The published version new cases use, per flow; dropped whenever a version is stored or published.</summary>
    private readonly ConcurrentDictionary<string, FlowDefinition> _published = new();

    public DefinitionLoadResult Validate(string json) => DefinitionLoader.Load(json, options);

    public async Task<FlowDefinition?> GetAsync(string id, int version, CancellationToken ct = default)
    {
        if (_parsed.TryGetValue((id, version), out var cached)) return cached;
        return await FindAsync(id, version, ct) is { } record ? Parse(record) : null;
    }

    /// <summary>A stored version is read without the organisation check: it stays readable when a user it names has left.</summary>
    public FlowDefinition Parse(DefinitionRecord record) =>
        _parsed.GetOrAdd((record.Id, record.Version), _ =>
            DefinitionLoader.Load(record.Json, options with { Organisation = null }).Definition
            ?? throw new InvalidDataException($"Stored definition {record.Id} v{record.Version} no longer validates."));

    /// <summary>The newest published version of a flow, parsed; what a new case starts on.</summary>
    public async Task<FlowDefinition?> PublishedAsync(string id, CancellationToken ct = default)
    {
        if (_published.TryGetValue(id, out var cached)) return cached;
        var record = await FindAsync(id, null, ct);
        if (record is null) return null;
        return _published[id] = Parse(record);
    }

    public async Task<DefinitionRecord?> FindAsync(string id, int? version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = db.Definitions.AsNoTracking().Where(d => d.Id == id);
        return version is { } v
            ? await versions.SingleOrDefaultAsync(d => d.Version == v, ct)
            : await versions.Where(d => d.Status == DefinitionStatus.Published).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
    }

    /// <summary>The newest version of every flow: the newest published one, or with drafts the newest of all (the designer's list).</summary>
    public async Task<IReadOnlyList<DefinitionRecord>> ListNewestAsync(bool includeDrafts, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = db.Definitions.AsNoTracking();
        if (!includeDrafts) versions = versions.Where(d => d.Status == DefinitionStatus.Published);
        var all = await versions.ToListAsync(ct);
        return all.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!).OrderBy(d => d.Category).ThenBy(d => d.Id).ToList();
    }

    public async Task<IReadOnlyList<DefinitionRecord>> VersionsAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Definitions.AsNoTracking().Where(d => d.Id == id).OrderBy(d => d.Version).ToListAsync(ct);
    }

    /// <summary>Validates and stores the JSON as the next version of its flow, as a draft or already published.</summary>
    public async Task<SaveResult> SaveAsync(string json, string userId, bool publish, CancellationToken ct = default)
    {
        var loaded = Validate(json);
        return loaded.IsValid ? await StoreAsync(loaded.Definition!, json, ContentHash(json), userId, publish, ct) : new SaveResult(null, loaded.Errors);
    }

    /// <summary>Stores a validated definition as the next version, unless the newest version has the same content.</summary>
    private async Task<SaveResult> StoreAsync(FlowDefinition definition, string json, string hash, string userId, bool publish, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var latest = await db.Definitions.Where(d => d.Id == definition.Id).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        if (latest is not null && latest.ContentHash == hash)
        {
            // Same meaning: only the drawing may differ, and it is kept with the version it belongs to.
            if (DefinitionLayout.Replace(latest.Json, json) is { } moved)
            {
                latest.Json = moved;
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                _parsed.TryRemove((latest.Id, latest.Version), out _);
                _published.TryRemove(latest.Id, out _);
            }
            return new SaveResult(latest, [], Unchanged: true);
        }

        var version = (latest?.Version ?? 0) + 1;
        var now = clock.GetUtcNow();
        var record = new DefinitionRecord
        {
            Id = definition.Id, Version = version, Name = definition.Name, Category = definition.Category,
            Status = publish ? DefinitionStatus.Published : DefinitionStatus.Draft,
            Json = WithVersion(json, version), ContentHash = hash, CreatedAt = now, CreatedBy = userId,
            PublishedAt = publish ? now : null,
        };
        db.Definitions.Add(record);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        _published.TryRemove(record.Id, out _);
        return new SaveResult(record, []);
    }

    /// <summary>
    /// Stores a definition file from disk as a new published version unless some stored version already has
    /// its content: edits made in the designer are never overwritten by an unchanged file.
    /// </summary>
    public async Task<SaveResult> ImportAsync(string json, CancellationToken ct = default)
    {
        var loaded = Validate(json);
        if (!loaded.IsValid) return new SaveResult(null, loaded.Errors);
        var hash = ContentHash(json);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var known = await db.Definitions.AsNoTracking()
                .Where(d => d.Id == loaded.Definition!.Id && d.ContentHash == hash).FirstOrDefaultAsync(ct);
            if (known is not null) return new SaveResult(known, [], Unchanged: true);
        }
        return await StoreAsync(loaded.Definition!, json, hash, "system", publish: true, ct);
    }

    /// <summary>Publishes a stored draft. Running cases keep the version they started on.</summary>
    public async Task<DefinitionRecord?> PublishAsync(string id, int version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.Definitions.SingleOrDefaultAsync(d => d.Id == id && d.Version == version, ct);
        if (record is null) return null;
        if (record.Status != DefinitionStatus.Published)
        {
            record.Status = DefinitionStatus.Published;
            record.PublishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            _published.TryRemove(id, out _);
        }
        return record;
    }

    private const string LayoutProperty = "layout";

    /// <summary>Hash of the definition's content, ignoring its version number and layout.</summary>
    public static string ContentHash(string json)
    {
        var token = JObject.Parse(json);
        token.Remove("version");
        token.Remove(LayoutProperty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.ToString(Formatting.None))));
    }

    private static string WithVersion(string json, int version)
    {
        var token = JObject.Parse(json, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
        token["version"] = version;
        return token.ToString(Formatting.Indented);
    }
}
