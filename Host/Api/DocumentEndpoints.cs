using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Store.Documents;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Services;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Server.Documents;

namespace WorkflowEngine.Server.Api;

/// <summary>A stored version of an issued document.</summary>
public sealed record CaseDocumentDto(
    string Id, DocumentKind Kind, string Title, int Sequence, int Version, string Number, string Sha256, bool HasPdf, DateTimeOffset IssuedAt,
    string IssuedBy, string IssuedByName);

/// <summary>A file on file for a material item: who uploaded it and when, and its hash.</summary>
public sealed record MaterialFileDto(
    string Id, string MaterialId, string MaterialName, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt,
    string UploadedBy, string UploadedByName);

/// <summary>What the agency's documents say of it, for the printed preview.</summary>
public sealed record AgencyContactDto(string FullName, string Address, string Telephone, string ReconsiderationBody, string Court);

/// <summary>A case's issued documents and material files, and the agency that issues them.</summary>
public sealed record CaseFilesDto(IReadOnlyList<CaseDocumentDto> Documents, IReadOnlyList<MaterialFileDto> Materials, bool PdfAvailable, AgencyContactDto Agency);

/// <summary>The text of an issued document, paragraph by paragraph (<c>?format=text</c>): what the print preview shows.</summary>
public sealed record DocumentTextDto(IReadOnlyList<string> Lines);

/// <summary>
/// The documents a case issued, the material files on file and the dossier: for those who can see the case (anyone
/// else gets 404, as for the case itself). Uploading a material file also needs a post of one of the case's open tasks.
/// </summary>
public static class DocumentEndpoints
{
    public static void MapDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{id}").WithTags("Documents").ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/files", async (string id, CaseViews views, CaseFiles files, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var view = await views.LoadAsync(id, user.ToActor(), ct);
            if (view is null) return CaseNotFound(id);
            var agency = await files.SettingsAsync(ct);
            return Results.Ok(new CaseFilesDto(
                (await files.DocumentsAsync(id, ct)).Select(Dto).ToList(),
                (await files.MaterialFilesAsync(id, ct)).Select(f => Dto(f, MaterialName(view, f.MaterialId))).ToList(),
                PdfRenderer.Available, new AgencyContactDto(agency.FullName, agency.Address, agency.Telephone, agency.ReconsiderationBody, agency.Court)));
        }).Produces<CaseFilesDto>();

        group.MapGet("/documents/{documentId}", async (string id, string documentId, string? format, CaseViews views, CaseFiles files,
            ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (!await views.CanSeeAsync(id, user.ToActor(), ct)) return CaseNotFound(id);
            if (format is not (null or "docx" or "pdf" or "text")) return Problems.BadRequest("format 应为 docx、pdf 或 text。");
            var document = (await files.DocumentsAsync(id, ct)).FirstOrDefault(d => d.Id == documentId);
            if (document is null) return Problems.NotFound($"本案没有编号为“{documentId}”的文书。");
            var pdf = format == "pdf";
            if (pdf) document = await PdfRenderer.AttachAsync(files, document, ct);
            if (pdf && document.PdfSha256 is null) return Problems.NotFound("本文书没有 PDF 版本：服务器未安装 LibreOffice。");
            var content = await files.BlobAsync(pdf ? document.PdfSha256! : document.DocxSha256, ct);
            if (content is not null && format == "text")
                return Results.Ok(new DocumentTextDto(DocxTemplate.PlainText(content).TrimEnd('\n').Split('\n')));
            return content is null ? Problems.NotFound("文书文件缺失。")
                : Results.File(content, pdf ? "application/pdf" : AgencySettingsEndpoints.DocxType, FileName(document, pdf ? "pdf" : "docx"));
        }).Produces(StatusCodes.Status200OK, contentType: AgencySettingsEndpoints.DocxType).Produces<DocumentTextDto>();

        group.MapPost("/documents/{kind}/{sequence:int}/reissue", async (string id, string kind, int sequence, CaseViews views, CaseFiles files,
            ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (!await views.CanSeeAsync(id, user.ToActor(), ct)) return CaseNotFound(id);
            if (!JsonNames.All<DocumentKind>().TryGetValue(kind, out var k)) return Problems.NotFound($"文书种类“{kind}”不存在。");
            var row = await files.ReissueAsync(id, k, sequence, user.ToActor(), ct);
            if (row is null) return Problems.NotFound($"本案没有出具第 {sequence} 份“{DocumentKinds.Name(k)}”。");
            return Results.Ok(Dto(row));
        }).RequireAuthorization(Policies.Admin).Produces<CaseDocumentDto>();

        group.MapPost("/materials/{materialId}/files", async (string id, string materialId, HttpRequest http, CaseViews views, CaseFiles files,
            ClaimsPrincipal user, CancellationToken ct) =>
        {
            var actor = user.ToActor();
            var view = await views.LoadAsync(id, actor, ct);
            if (view is null) return CaseNotFound(id);
            var item = view.Fields.Where(f => f.Type == FieldType.Materials).SelectMany(f => f.Items).FirstOrDefault(i => i.Id == materialId);
            if (item is null) return Problems.NotFound($"本案的申报材料中没有“{materialId}”。");
            if (view.Outlook.UploadMaterials is { Allowed: false, Reason: var reason })
                return Results.Problem(title: "没有办理权限", detail: reason, statusCode: StatusCodes.Status403Forbidden);
            var settings = await files.SettingsAsync(ct);
            var (content, fileName, error) = await Upload.ReadFileAsync(http, settings.MaxUploadBytes, ct);
            if (error is not null) return error;
            var extension = Path.GetExtension(fileName).ToLowerInvariant();
            if (!settings.AllowedUploadExtensions.Contains(extension))
                return Results.Problem(title: "文件类型不支持", statusCode: StatusCodes.Status415UnsupportedMediaType,
                    detail: $"文件“{fileName}”的类型（{(extension.Length == 0 ? "无扩展名" : extension)}）不在允许范围内：{string.Join("、", settings.AllowedUploadExtensions)}。");
            if (fileName.Length > 200) return Problems.BadRequest("文件名不能超过 200 个字。");
            var row = await files.AttachAsync(id, materialId, item.Name, fileName, ContentType(extension), content!, actor, ct);
            return row is null ? CaseNotFound(id) : Results.Created($"/api/cases/{id}/materials/files/{row.Id}", Dto(row, item.Name));
        }).Accepts<IFormFile>("multipart/form-data").Produces<MaterialFileDto>(StatusCodes.Status201Created);

        group.MapGet("/materials/files/{fileId}", async (string id, string fileId, CaseViews views, CaseFiles files, ClaimsPrincipal user,
            CancellationToken ct) =>
        {
            if (!await views.CanSeeAsync(id, user.ToActor(), ct)) return CaseNotFound(id);
            var file = (await files.MaterialFilesAsync(id, ct)).FirstOrDefault(f => f.Id == fileId);
            if (file is null) return Problems.NotFound($"本案没有编号为“{fileId}”的材料文件。");
            var content = await files.BlobAsync(file.Sha256, ct);
            return content is null ? Problems.NotFound("材料文件缺失。") : Results.File(content, file.ContentType, file.FileName);
        }).Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");

        group.MapGet("/dossier", async (string id, CaseViews views, CaseFiles files, IDbContextFactory<WorkflowDbContext> dbFactory, TimeProvider clock,
            ClaimsPrincipal user, CancellationToken ct) =>
        {
            var view = await views.LoadAsync(id, user.ToActor(), ct);
            if (view is null) return CaseNotFound(id);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var history = (await db.History.AsNoTracking().Where(h => h.CaseId == id).OrderBy(h => h.Sequence).ToListAsync(ct)).Select(h => h.ToRecord()).ToList();
            var entries = new List<(string, byte[])>();
            foreach (var d in await files.DocumentsAsync(id, ct))
            {
                entries.Add(($"documents/{FileName(d, "docx")}", (await files.BlobAsync(d.DocxSha256, ct))!));
                if (d.PdfSha256 is { } pdf) entries.Add(($"documents/{FileName(d, "pdf")}", (await files.BlobAsync(pdf, ct))!));
            }
            foreach (var f in await files.MaterialFilesAsync(id, ct))
                entries.Add(($"materials/{f.MaterialId}/{f.Id}-{Safe(f.FileName)}", (await files.BlobAsync(f.Sha256, ct))!));
            var summary = new
            {
                view.Id, view.CaseNo, view.Title, view.DefinitionId, view.DefinitionVersion, view.DefinitionName, view.Status, view.Outcome,
                view.StartedAt, view.StartedBy, view.ClosedAt, view.Data, view.Clock,
            };
            var zip = Dossier.Build(view.Id, view.CaseNo, clock.GetUtcNow(), summary, history, entries);
            return Results.File(zip, "application/zip", $"案卷-{view.CaseNo}.zip");
        }).Produces(StatusCodes.Status200OK, contentType: "application/zip");
    }

    private static IResult CaseNotFound(string id) => Problems.NotFound($"案件“{id}”不存在。");

    private static string MaterialName(CaseDto view, string materialId) =>
        view.Fields.Where(f => f.Type == FieldType.Materials).SelectMany(f => f.Items).FirstOrDefault(i => i.Id == materialId)?.Name ?? materialId;

    private static CaseDocumentDto Dto(IssuedDocumentRow d) => new(d.Id, JsonNames.All<DocumentKind>()[d.Kind], d.Title, d.Sequence, d.Version, d.Number,
        d.DocxSha256, d.PdfSha256 is not null, d.IssuedAt, d.IssuedBy, d.IssuedByName);

    private static MaterialFileDto Dto(MaterialFileRow f, string materialName) => new(f.Id, f.MaterialId, materialName, f.FileName, f.ContentType, f.Size,
        f.Sha256, f.UploadedAt, f.UploadedBy, f.UploadedByName);

    public static string FileName(IssuedDocumentRow d, string extension) => $"{d.Kind}-{d.Sequence}-v{d.Version}-{Safe(d.Number)}.{extension}";

    private static string Safe(string name) => string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or '/' ? '_' : c));

    private static string ContentType(string extension) => extension switch
    {
        ".pdf" => "application/pdf",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".docx" => AgencySettingsEndpoints.DocxType,
        ".doc" => "application/msword",
        _ => "application/octet-stream",
    };
}
