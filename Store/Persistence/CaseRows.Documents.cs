using System.Data.Common;

namespace WorkflowEngine.Store.Persistence;

/// <summary>The statements that issue documents and keep files, inside a case transaction.</summary>
internal sealed partial class CaseRows
{
    /// <summary>
    /// The next number of a document counter: 1, 2, 3 … per (kind, year), never repeated or skipped. One upsert creates the
    /// row at 1 or increments it and returns the number; it holds the row's lock until the transaction ends: another node
    /// issuing the same kind waits, and a transaction that rolls back gives its number back.
    /// </summary>
    public async Task<long> NextDocumentNumberAsync(string counter, int year, CancellationToken ct)
    {
        var next = await Command("INSERT INTO document_counters (counter_key, year, last_number) VALUES (@key, @year, 1) " +
            "ON CONFLICT (counter_key, year) DO UPDATE SET last_number = document_counters.last_number + 1 RETURNING last_number",
            ("@key", counter), ("@year", (long)year)).ExecuteScalarAsync(ct);
        return Convert.ToInt64(next, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<string?> AgencySettingsJsonAsync(CancellationToken ct) =>
        await Command("SELECT json FROM agency_settings WHERE id = 1").ExecuteScalarAsync(ct) as string;

    /// <summary>The agency's seal image and its type, or null when none is set.</summary>
    public async Task<Documents.SealImage?> SealAsync(CancellationToken ct)
    {
        await using var r = await Command("SELECT seal, seal_type FROM agency_settings WHERE id = 1 AND seal IS NOT NULL").ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new Documents.SealImage((byte[])r[0], r.GetString(1)) : null;
    }

    public async Task<byte[]?> TemplateAsync(string kind, CancellationToken ct) =>
        await Command("SELECT content FROM document_templates WHERE kind = @kind", ("@kind", kind)).ExecuteScalarAsync(ct) as byte[];

    /// <summary>How many versions of this issue of the document the case has.</summary>
    public async Task<int> DocumentVersionsAsync(string caseId, string kind, int sequence, CancellationToken ct) => Convert.ToInt32(
        await Command("SELECT COUNT(*) FROM case_documents WHERE case_id = @case AND kind = @kind AND sequence = @seq",
            ("@case", caseId), ("@kind", kind), ("@seq", (long)sequence)).ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stores file content once under its SHA-256.</summary>
    public Task StoreBlobAsync(string sha256, byte[] content, CancellationToken ct) => Execute(
        "INSERT INTO file_blobs (sha256, size, content) VALUES (@sha, @size, @content) ON CONFLICT (sha256) DO NOTHING", ct,
        ("@sha", sha256), ("@size", (long)content.Length), ("@content", content));

    public Task InsertDocumentAsync(Documents.IssuedDocumentRow d, CancellationToken ct) => Execute(
        "INSERT INTO case_documents (id, case_id, kind, sequence, version, number, title, docx_sha256, pdf_sha256, issued_at, issued_by, issued_by_name) " +
        "VALUES (@id, @case, @kind, @seq, @version, @number, @title, @docx, @pdf, @at, @by, @name)", ct,
        ("@id", d.Id), ("@case", d.CaseId), ("@kind", d.Kind), ("@seq", (long)d.Sequence), ("@version", (long)d.Version), ("@number", d.Number),
        ("@title", d.Title), ("@docx", d.DocxSha256), ("@pdf", d.PdfSha256), ("@at", d.IssuedAt.UtcTicks), ("@by", d.IssuedBy), ("@name", d.IssuedByName));

    public Task SetDocumentPdfAsync(string documentId, string sha256, CancellationToken ct) =>
        Execute("UPDATE case_documents SET pdf_sha256 = @sha WHERE id = @id AND pdf_sha256 IS NULL", ct, ("@sha", sha256), ("@id", documentId));

    public Task InsertMaterialFileAsync(Documents.MaterialFileRow f, CancellationToken ct) => Execute(
        "INSERT INTO material_files (id, case_id, material_id, file_name, content_type, size, sha256, uploaded_at, uploaded_by, uploaded_by_name) " +
        "VALUES (@id, @case, @material, @file, @type, @size, @sha, @at, @by, @name)", ct,
        ("@id", f.Id), ("@case", f.CaseId), ("@material", f.MaterialId), ("@file", f.FileName), ("@type", f.ContentType), ("@size", f.Size),
        ("@sha", f.Sha256), ("@at", f.UploadedAt.UtcTicks), ("@by", f.UploadedBy), ("@name", f.UploadedByName));

    /// <summary>Appends sealed history entries and moves the case's chain head, if the head is still the one read.</summary>
    public async Task<bool> AppendHistoryAsync(string caseId, IReadOnlyList<Engine.Audit.HistoryRecord> history, long expectedCount, CancellationToken ct)
    {
        if (await ExecuteCount("UPDATE cases SET history_count = @count, last_hash = @hash WHERE id = @id AND history_count = @expected", ct,
                ("@count", expectedCount + history.Count), ("@hash", history[^1].Hash), ("@id", caseId), ("@expected", expectedCount)) != 1) return false;
        await InsertHistoryAsync(history, ct);
        return true;
    }
}

/// <summary>The agency's settings and templates, written on the write connection like everything else.</summary>
internal sealed partial class CaseRows
{
    public async Task SaveAgencySettingsAsync(string json, DateTimeOffset at, string by, CancellationToken ct)
    {
        if (await ExecuteCount("UPDATE agency_settings SET json = @json, updated_at = @at, updated_by = @by WHERE id = 1", ct,
                ("@json", json), ("@at", at.UtcTicks), ("@by", by)) == 0)
            await Execute("INSERT INTO agency_settings (id, json, seal, seal_type, updated_at, updated_by) VALUES (1, @json, NULL, NULL, @at, @by)", ct,
                ("@json", json), ("@at", at.UtcTicks), ("@by", by));
    }

    public Task SaveSealAsync(byte[]? seal, string? type, CancellationToken ct) =>
        Execute("UPDATE agency_settings SET seal = @seal, seal_type = @type WHERE id = 1", ct, ("@seal", seal), ("@type", type));

    public async Task SaveTemplateAsync(string kind, byte[]? content, string? sha256, DateTimeOffset at, string by, CancellationToken ct)
    {
        await Execute("DELETE FROM document_templates WHERE kind = @kind", ct, ("@kind", kind));
        if (content is not null)
            await Execute("INSERT INTO document_templates (kind, content, sha256, updated_at, updated_by) VALUES (@kind, @content, @sha, @at, @by)", ct,
                ("@kind", kind), ("@content", content), ("@sha", sha256), ("@at", at.UtcTicks), ("@by", by));
    }
}
