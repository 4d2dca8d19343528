using System.Collections.Immutable;
using System.Security.Cryptography;
using Newtonsoft.Json;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Store.Documents;

/// <summary>A stored version of an issued document.</summary>
public sealed record IssuedDocumentRow(
    string Id, string CaseId, string Kind, int Sequence, int Version, string Number, string Title, string DocxSha256, string? PdfSha256,
    DateTimeOffset IssuedAt, string IssuedBy, string IssuedByName);

/// <summary>A file uploaded for one material item of a case.</summary>
public sealed record MaterialFileRow(
    string Id, string CaseId, string MaterialId, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt,
    string UploadedBy, string UploadedByName);

/// <summary>
/// Turns the documents a command issued into records, inside the command's transaction: the next 文号 of the kind, the
/// agency's template (else the shipped one) filled from the case and the core's outlook, the .docx stored under its
/// SHA-256, and a history entry naming the number, kind, version and hash, sealed into the case's chain with the rest.
/// </summary>
public sealed class DocumentIssuer(RuntimeProvider runtimes)
{
    /// <summary>
    /// The outlook the documents in <paramref name="after"/> that <paramref name="before"/> did not have are filled from;
    /// null when there are none. It follows from the states alone, so it can be worked out before the write connection is taken.
    /// </summary>
    internal CaseOutlook? OutlookForNew(FlowDefinition definition, CaseState? before, CaseState after, DateTimeOffset now) =>
        after.Documents.Count > (before?.Documents.Count ?? 0) ? Outlook(definition, after, now) : null;

    /// <summary>
    /// The history events of the documents in <paramref name="after"/> that <paramref name="before"/> did not have;
    /// <paramref name="outlook"/> is <see cref="OutlookForNew"/> when already worked out.
    /// </summary>
    internal async Task<IReadOnlyList<CaseEvent>> IssueNewAsync(CaseRows rows, CaseRecord record, FlowDefinition definition, CaseState? before,
        CaseState after, DateTimeOffset now, CancellationToken ct, CaseOutlook? outlook = null)
    {
        var fresh = after.Documents.Skip(before?.Documents.Count ?? 0).ToList();
        if (fresh.Count == 0) return [];
        outlook ??= Outlook(definition, after, now);
        var events = new List<CaseEvent>();
        foreach (var document in fresh.OrderBy(d => d.Kind))
            events.Add((await IssueAsync(rows, record, definition, after, document, 1, (document.ActorId, document.ActorName), now, ct, outlook)).Event);
        return events;
    }

    /// <summary>Issues one version of a document of the case: its number, file and row, and the history event that records them.</summary>
    internal async Task<(IssuedDocumentRow Row, CaseEvent Event)> IssueAsync(CaseRows rows, CaseRecord record, FlowDefinition definition, CaseState state,
        IssuedDocument document, int version, (string Id, string Name) by, DateTimeOffset now, CancellationToken ct, CaseOutlook? outlook = null)
    {
        var agency = Settings(await rows.AgencySettingsJsonAsync(ct));
        var kind = JsonNames.Of(document.Kind);
        var year = WorkCalendar.LocalDate(now).Year;
        var number = DocumentNumber.Format(agency.PatternOf(document.Kind), year, await rows.NextDocumentNumberAsync(kind, year, ct));
        outlook ??= Outlook(definition, state, now);
        var documentOutlook = outlook.Documents[state.Documents.IndexOf(document)];
        var template = await rows.TemplateAsync(kind, ct) ?? DefaultTemplates.For(document.Kind);
        var values = DocumentFields.Values(new DocumentFields.Issue(agency, definition, state, record.CaseNo, documentOutlook, outlook, number, version,
            runtimes.Calendar));
        var docx = DocxTemplate.Fill(template, values, await rows.SealAsync(ct));
        var sha = Sha256(docx);
        await rows.StoreBlobAsync(sha, docx, ct);
        var row = new IssuedDocumentRow(Guid.CreateVersion7(now).ToString("N"), record.Id, kind, document.Sequence, version, number,
            DocumentKinds.Name(document.Kind), sha, null, now, by.Id, by.Name);
        await rows.InsertDocumentAsync(row, ct);
        var data = ImmutableDictionary<string, Value>.Empty
            .Add("documentId", Value.String(row.Id)).Add("kind", Value.String(kind)).Add("title", Value.String(row.Title))
            .Add("number", Value.String(number)).Add("sequence", Value.Number(document.Sequence)).Add("version", Value.Number(version))
            .Add("sha256", Value.String(sha));
        var summary = version == 1 ? $"出具《{row.Title}》{number}" : $"重新出具《{row.Title}》第 {version} 版 {number}";
        return (row, new CaseEvent(EventTypes.DocumentIssued, now, by.Id, by.Name, document.TaskId, document.StepId, document.ActionId,
            null, data, summary));
    }

    /// <summary>The case as the system sees it: every document's dates and every open task's limit.</summary>
    private CaseOutlook Outlook(FlowDefinition definition, CaseState state, DateTimeOffset now) => runtimes.Create().Describe(definition, state, Actor.System, now);

    public static AgencySettings Settings(string? json) =>
        json is null ? new AgencySettings() : JsonConvert.DeserializeObject<AgencySettings>(json, SettingsJson) ?? new AgencySettings();

    /// <summary>Collections are replaced, never filled into the defaults (which are shared).</summary>
    public static readonly JsonSerializerSettings SettingsJson = new() { ObjectCreationHandling = ObjectCreationHandling.Replace };

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
