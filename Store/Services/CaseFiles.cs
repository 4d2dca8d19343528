using System.Collections.Immutable;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Store.Documents;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Store.Services;

/// <summary>A template as stored: the agency's own, or the shipped default.</summary>
public sealed record StoredTemplate(DocumentKind Kind, byte[] Content, bool Custom, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>
/// The agency's settings and templates, the documents a case has issued and the material files on file. Writes go
/// through the write connection; those that concern a case (an uploaded file, a reissued document) append a sealed
/// entry to its history in the same transaction.
/// </summary>
public sealed class CaseFiles(WriteConnection writes, IDbContextFactory<WorkflowDbContext> dbFactory, DefinitionStore definitions,
    CaseStateCache states, DocumentIssuer issuer, TimeProvider clock)
{
    public async Task<AgencySettings> SettingsAsync(CancellationToken ct) =>
        DocumentIssuer.Settings(await ScalarAsync("SELECT json FROM agency_settings WHERE id = 1", ct) as string);

    public async Task SaveSettingsAsync(AgencySettings settings, string by, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(ct);
        await transaction.Rows.SaveAgencySettingsAsync(JsonConvert.SerializeObject(settings), clock.GetUtcNow(), by, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<(byte[] Content, string Type)?> SealAsync(CancellationToken ct)
    {
        var rows = await QueryAsync("SELECT seal, seal_type FROM agency_settings WHERE id = 1 AND seal IS NOT NULL", r => ((byte[])r[0], r.GetString(1)), ct);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task SaveSealAsync(byte[]? seal, string? type, string by, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(ct);
        var json = await transaction.Rows.AgencySettingsJsonAsync(ct) ?? JsonConvert.SerializeObject(new AgencySettings());
        await transaction.Rows.SaveAgencySettingsAsync(json, clock.GetUtcNow(), by, ct);
        await transaction.Rows.SaveSealAsync(seal, type, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<StoredTemplate> TemplateAsync(DocumentKind kind, CancellationToken ct)
    {
        var rows = await QueryAsync("SELECT content, updated_at, updated_by FROM document_templates WHERE kind = @kind",
            r => ((byte[])r[0], UtcTicksConverter.FromTicks(r.GetInt64(1)), r.GetString(2)), ct, ("@kind", JsonNames.Of(kind)));
        return rows.Count == 0 ? new StoredTemplate(kind, DefaultTemplates.For(kind), false, null, null)
            : new StoredTemplate(kind, rows[0].Item1, true, rows[0].Item2, rows[0].Item3);
    }

    /// <summary>Stores the agency's template of a kind; null puts the shipped one back.</summary>
    public async Task SaveTemplateAsync(DocumentKind kind, byte[]? content, string by, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(ct);
        await transaction.Rows.SaveTemplateAsync(JsonNames.Of(kind), content, content is null ? null : DocumentIssuer.Sha256(content), clock.GetUtcNow(), by, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Every field id of the stored flows: what <c>{{case.FIELD}}</c> may name.</summary>
    public async Task<IReadOnlySet<string>> FieldIdsAsync(CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in await definitions.ListNewestAsync(includeDrafts: true, ct))
            if (await definitions.GetAsync(record.Id, record.Version, ct) is { } definition)
                foreach (var field in definition.Fields) ids.Add(field.Id);
        return ids;
    }

    public Task<List<IssuedDocumentRow>> DocumentsAsync(string caseId, CancellationToken ct) => QueryAsync(
        "SELECT id, case_id, kind, sequence, version, number, title, docx_sha256, pdf_sha256, issued_at, issued_by, issued_by_name " +
        "FROM case_documents WHERE case_id = @case ORDER BY issued_at, kind, sequence, version",
        r => new IssuedDocumentRow(r.GetString(0), r.GetString(1), r.GetString(2), Convert.ToInt32(r[3]), Convert.ToInt32(r[4]), r.GetString(5),
            r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), UtcTicksConverter.FromTicks(r.GetInt64(9)), r.GetString(10),
            r.GetString(11)), ct, ("@case", caseId));

    public Task<List<MaterialFileRow>> MaterialFilesAsync(string caseId, CancellationToken ct) => QueryAsync(
        "SELECT id, case_id, material_id, file_name, content_type, size, sha256, uploaded_at, uploaded_by, uploaded_by_name " +
        "FROM material_files WHERE case_id = @case ORDER BY uploaded_at, id",
        r => new MaterialFileRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5), r.GetString(6),
            UtcTicksConverter.FromTicks(r.GetInt64(7)), r.GetString(8), r.GetString(9)), ct, ("@case", caseId));

    /// <summary>Stores the PDF rendering of a document version.</summary>
    public async Task<IssuedDocumentRow> SetPdfAsync(IssuedDocumentRow row, byte[] pdf, CancellationToken ct)
    {
        var sha = DocumentIssuer.Sha256(pdf);
        await using var transaction = await writes.BeginAsync(ct);
        await transaction.Rows.StoreBlobAsync(sha, pdf, ct);
        await transaction.Rows.SetDocumentPdfAsync(row.Id, sha, ct);
        await transaction.CommitAsync(ct);
        return row with { PdfSha256 = sha };
    }

    public async Task<byte[]?> BlobAsync(string sha256, CancellationToken ct) =>
        await ScalarAsync("SELECT content FROM file_blobs WHERE sha256 = @sha", ct, ("@sha", sha256)) as byte[];

    /// <summary>Stores an uploaded material file and records its hash in the case history; null when there is no such case.</summary>
    public async Task<MaterialFileRow?> AttachAsync(string caseId, string materialId, string materialName, string fileName, string contentType,
        byte[] content, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sha = DocumentIssuer.Sha256(content);
        var row = new MaterialFileRow(Guid.CreateVersion7(now).ToString("N"), caseId, materialId, fileName, contentType, content.Length, sha, now,
            actor.Id, actor.Name);
        await using var transaction = await writes.BeginAsync(ct);
        var rows = transaction.Rows;
        var record = await rows.LoadAsync(caseId, ct);
        if (record is null) return null;
        await rows.StoreBlobAsync(sha, content, ct);
        await rows.InsertMaterialFileAsync(row, ct);
        var data = ImmutableDictionary<string, Value>.Empty.Add("fileId", Value.String(row.Id)).Add("materialId", Value.String(materialId))
            .Add("fileName", Value.String(fileName)).Add("size", Value.Number(content.Length)).Add("sha256", Value.String(sha));
        var entry = new CaseEvent(EventTypes.MaterialAttached, now, actor.Id, actor.Name, null, null, null, null, data,
            $"{actor.Name} 上传“{materialName}”的文件“{fileName}”");
        if (!await rows.AppendHistoryAsync(caseId, HistoryChain.Seal(caseId, record.HistoryCount + 1, record.LastHash, [entry]), record.HistoryCount, ct))
            throw new InvalidOperationException("The case history moved while the write connection was held.");
        await transaction.CommitAsync(ct);
        return row;
    }

    /// <summary>
    /// Issues a new version of a document the case issued (after the agency fixed its template or settings): a new number,
    /// never an overwrite. Null when the case has no such document.
    /// </summary>
    public async Task<IssuedDocumentRow?> ReissueAsync(string caseId, DocumentKind kind, int sequence, Actor actor, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(ct);
        var rows = transaction.Rows;
        var record = await rows.LoadAsync(caseId, ct);
        if (record is null) return null;
        var state = states.Read(record.Id, record.StateJson);
        var document = state.Documents.FirstOrDefault(d => d.Kind == kind && d.Sequence == sequence);
        if (document is null) return null;
        var definition = (await definitions.GetAsync(record.DefinitionId, record.DefinitionVersion, ct))!;
        var version = await rows.DocumentVersionsAsync(caseId, JsonNames.Of(kind), sequence, ct) + 1;
        var (row, entry) = await issuer.IssueAsync(rows, record, definition, state, document, version, (actor.Id, actor.Name), clock.GetUtcNow(), ct);
        if (!await rows.AppendHistoryAsync(caseId, HistoryChain.Seal(caseId, record.HistoryCount + 1, record.LastHash, [entry]), record.HistoryCount, ct))
            throw new InvalidOperationException("The case history moved while the write connection was held.");
        await transaction.CommitAsync(ct);
        return row;
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        return command;
    }
}
