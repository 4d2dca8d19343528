using System.Security.Claims;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Store.Documents;
using WorkflowEngine.Store.Services;
using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

/// <summary>A document template as listed: its kind and name, whether the agency uploaded its own, and the placeholders it uses.</summary>
public sealed record DocumentTemplateDto(DocumentKind Kind, string Name, bool Custom, DateTimeOffset? UpdatedAt, string? UpdatedBy, IReadOnlyList<string> Placeholders);

/// <summary>The templates and the placeholders they may use (key → meaning; <c>case.FIELD</c> for any case field).</summary>
public sealed record DocumentTemplateList(IReadOnlyList<DocumentTemplateDto> Templates, IReadOnlyDictionary<string, string> Placeholders);

/// <summary>The agency's settings as the admin page edits them, and whether a seal image is stored.</summary>
public sealed record AgencySettingsDto(AgencySettings Settings, bool HasSeal);

/// <summary>The agency's settings, seal and document templates: administrators only.</summary>
public static class AgencySettingsEndpoints
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const long MaxSealBytes = 512 * 1024;
    private const long MaxTemplateBytes = 10 * 1024 * 1024;

    public static void MapAgencySettings(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/agency-settings").WithTags("Documents").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        settings.MapGet("", async (CaseFiles files, CancellationToken ct) =>
            Results.Ok(new AgencySettingsDto(await files.SettingsAsync(ct), await files.SealAsync(ct) is not null))).Produces<AgencySettingsDto>();

        settings.MapPut("", async (AgencySettings request, CaseFiles files, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var normalised = request with
            {
                NumberPatterns = request.NumberPatterns ?? AgencySettings.DefaultPatterns,
                AllowedUploadExtensions = (request.AllowedUploadExtensions ?? []).Select(e => e?.Trim() ?? "").ToList(),
            };
            foreach (var text in new[] { normalised.FullName, normalised.ShortName, normalised.Address, normalised.Telephone, normalised.ReconsiderationBody, normalised.Court })
                if (text is null) return Problems.BadRequest("机关名称、地址、电话、行政复议机关和人民法院均须填写。");
            if (normalised.NumberPatterns.Values.Any(v => v is null)) return Problems.BadRequest("文号格式不能为空。");
            if (normalised.Problem() is { } problem) return Problems.BadRequest(problem);
            await files.SaveSettingsAsync(normalised, user.ToActor().Id, ct);
            return Results.Ok(new AgencySettingsDto(normalised, await files.SealAsync(ct) is not null));
        }).Produces<AgencySettingsDto>();

        settings.MapGet("/seal", async (CaseFiles files, CancellationToken ct) =>
            await files.SealAsync(ct) is { } seal ? Results.File(seal.Content, seal.Type) : Problems.NotFound("尚未上传印章图片。"))
            .Produces(StatusCodes.Status200OK, contentType: "image/png");

        settings.MapPut("/seal", async (HttpRequest http, CaseFiles files, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (content, _, error) = await Upload.ReadFileAsync(http, MaxSealBytes, ct);
            if (error is not null) return error;
            var type = Upload.ImageType(content!);
            if (type is null)
                return Results.Problem(title: "文件类型不支持", detail: "印章图片须为 PNG 或 JPEG 格式。", statusCode: StatusCodes.Status415UnsupportedMediaType);
            await files.SaveSealAsync(content, type, user.ToActor().Id, ct);
            return Results.NoContent();
        }).Accepts<IFormFile>("multipart/form-data").Produces(StatusCodes.Status204NoContent);

        settings.MapDelete("/seal", async (CaseFiles files, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await files.SaveSealAsync(null, null, user.ToActor().Id, ct);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent);

        var templates = app.MapGroup("/api/document-templates").WithTags("Documents").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        templates.MapGet("", async (CaseFiles files, CancellationToken ct) =>
        {
            var list = new List<DocumentTemplateDto>();
            foreach (var kind in Enum.GetValues<DocumentKind>())
            {
                var t = await files.TemplateAsync(kind, ct);
                list.Add(new DocumentTemplateDto(kind, DocumentKinds.Name(kind), t.Custom, t.UpdatedAt, t.UpdatedBy, DocxTemplate.Placeholders(t.Content) ?? []));
            }
            return Results.Ok(new DocumentTemplateList(list, DocumentFields.Fixed.Concat(BatchItemFields.Placeholders).ToDictionary()));
        }).Produces<DocumentTemplateList>();

        templates.MapGet("/{kind}", async (string kind, CaseFiles files, CancellationToken ct) =>
        {
            if (!JsonNames.All<DocumentKind>().TryGetValue(kind, out var k)) return UnknownKind(kind);
            var t = await files.TemplateAsync(k, ct);
            return Results.File(t.Content, DocxType, $"{kind}.docx");
        }).Produces(StatusCodes.Status200OK, contentType: DocxType);

        templates.MapPut("/{kind}", async (string kind, HttpRequest http, CaseFiles files, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (!JsonNames.All<DocumentKind>().TryGetValue(kind, out var k)) return UnknownKind(kind);
            var (content, _, error) = await Upload.ReadFileAsync(http, MaxTemplateBytes, ct);
            if (error is not null) return error;
            if (DocxTemplate.Placeholders(content!) is not { } keys)
                return Results.Problem(title: "文件类型不支持", detail: "模板须为 Word 文档（.docx）；.doc、WPS 格式请先另存为 .docx。",
                    statusCode: StatusCodes.Status415UnsupportedMediaType);
            if (DocumentFields.Unknown(keys, await files.FieldIdsAsync(ct)) is { } unknown)
                return Problems.BadRequest($"模板中的占位符“{{{{{unknown}}}}}”不存在：请使用模板列表中列出的占位符，或 {{{{case.字段编号}}}} 引用流程中的字段。");
            await files.SaveTemplateAsync(k, content, user.ToActor().Id, ct);
            return Results.NoContent();
        }).Accepts<IFormFile>("multipart/form-data").Produces(StatusCodes.Status204NoContent);

        templates.MapDelete("/{kind}", async (string kind, CaseFiles files, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (!JsonNames.All<DocumentKind>().TryGetValue(kind, out var k)) return UnknownKind(kind);
            await files.SaveTemplateAsync(k, null, user.ToActor().Id, ct);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent);
    }

    private static IResult UnknownKind(string kind) => Problems.NotFound($"文书种类“{kind}”不存在。");
}

/// <summary>Reading one uploaded file from a multipart form (field <c>file</c>), with a size limit.</summary>
public static class Upload
{
    public static async Task<(byte[]? Content, string FileName, IResult? Error)> ReadFileAsync(HttpRequest http, long maxBytes, CancellationToken ct)
    {
        if (!http.HasFormContentType) return (null, "", Problems.BadRequest("请以 multipart/form-data 上传文件（字段名 file）。"));
        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, "", Problems.BadRequest("上传内容不是有效的 multipart/form-data。"));
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return (null, "", Problems.BadRequest("请选择要上传的文件（字段名 file），文件不能为空。"));
        if (file.Length > maxBytes)
            return (null, "", Results.Problem(title: "文件过大", statusCode: StatusCodes.Status413PayloadTooLarge,
                detail: $"文件“{file.FileName}”大小为 {Size(file.Length)}，超过上限 {Size(maxBytes)}。"));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), Path.GetFileName(file.FileName ?? "file"), null);
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    /// <summary>"image/png" or "image/jpeg" by the file's first bytes, else null.</summary>
    public static string? ImageType(byte[] content) =>
        content.Length > 8 && content[0] == 0x89 && content[1] == 0x50 && content[2] == 0x4E && content[3] == 0x47 ? "image/png"
        : content.Length > 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF ? "image/jpeg"
        : null;
}
