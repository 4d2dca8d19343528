using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Store.Documents;

/// <summary>
/// The templates the product ships, one per document kind, built here so that they always use the placeholders of
/// <see cref="DocumentFields"/>. An agency downloads one, edits it in Word or WPS and uploads its own.
/// </summary>
public static class DefaultTemplates
{
    public static byte[] For(DocumentKind kind) => Build(kind switch
    {
        DocumentKind.CorrectionNotice =>
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部内容如下：",
            "{{notice.missingMaterials}}",
            "补正要求：{{notice.correctionRequirements}}",
            "请于{{notice.correctionDeadline}}前一次性补正上述全部材料，提交至{{agency.address}}。补正材料期间不计入办理时限；本机关自收到全部补正材料之日起受理。",
        ],
        DocumentKind.AcceptanceNotice =>
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，本机关决定予以受理，受理日期为{{document.date}}。",
            "收到的申请材料：{{notice.receivedMaterials}}。",
            "本机关将于{{notice.decisionDeadline}}前作出行政许可决定（{{notice.decisionBasis}}）。依法需要听证、检验、检测、鉴定、专家评审或者现场勘验的，所需时间不计入上述期限，本机关将书面告知所需时间；依法延长期限的，本机关将告知延长的理由。",
        ],
        DocumentKind.RefusalDecision =>
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），经审查，{{notice.refusalGround}}",
            "根据《中华人民共和国行政许可法》第三十二条第一款的规定，本机关决定不予受理。",
            Remedies,
        ],
        DocumentKind.ExtensionNotice =>
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），因{{notice.extensionReason}}，本机关不能在法定期限内作出决定。根据《中华人民共和国行政许可法》第四十二条的规定，经本机关负责人批准，办理期限延长十日，本机关将于{{notice.decisionDeadline}}前作出决定。",
        ],
        DocumentKind.HearingNotice =>
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），直接关系他人之间重大利益。根据《中华人民共和国行政许可法》第四十七条的规定，你（单位）及利害关系人享有要求听证的权利。",
            "如要求听证，请于{{notice.hearingRequestDeadline}}前向本机关提出；逾期未提出的，视为放弃听证权利。本机关将在收到听证申请之日起二十日内组织听证，听证所需时间不计入办理期限。",
        ],
        DocumentKind.GrantDecision =>
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。",
            "本机关将自本决定作出之日起十日内向你（单位）颁发、送达行政许可证件（许可证件编号：{{case.certificateNo}}）。",
        ],
        _ =>
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），经审查，{{notice.denialGround}}",
            "根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。",
            Remedies,
        ],
    }, kind);

    private const string Remedies =
        "如不服本决定，可以自收到本决定书之日起六十日内（即{{notice.reconsiderationDeadline}}前，{{notice.reconsiderationBasis}}）向{{agency.reconsiderationBody}}申请行政复议，或者自收到本决定书之日起六个月内（即{{notice.litigationDeadline}}前，{{notice.litigationBasis}}）向{{agency.court}}提起行政诉讼。";

    private static byte[] Build(string[] body, DocumentKind kind)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var content = new Body();
            content.Append(Line("{{agency.name}}", center: true, bold: true, size: 36, color: "B5241B"));
            content.Append(Line("{{document.title}}", center: true, bold: true, size: 40));
            content.Append(Line("{{document.number}}", right: true));
            content.Append(Line("{{case.applicant}}：", bold: true));
            foreach (var text in body) content.Append(Line(text, indent: true));
            content.Append(Line("联系地址：{{agency.address}}　　联系电话：{{agency.telephone}}", indent: true));
            content.Append(Line(""));
            content.Append(Line("{{agency.name}}", right: true));
            content.Append(Line("{{document.date}}", right: true));
            content.Append(Line("经办人：{{document.clerk}}　　申请人（签收）：＿＿＿＿＿＿　　签收日期：＿＿＿＿年＿＿月＿＿日", size: 21));
            content.Append(Line("本文书一式两份，一份交申请人，一份存档。", size: 18));
            content.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
            main.Document = new Document(content);
            main.Document.Save();
            document.PackageProperties.Title = DocumentKinds.Name(kind);
        }
        return stream.ToArray();
    }

    private static Paragraph Line(string text, bool center = false, bool right = false, bool bold = false, int size = 32, string? color = null, bool indent = false)
    {
        var properties = new ParagraphProperties();
        if (center) properties.Append(new Justification { Val = JustificationValues.Center });
        else if (right) properties.Append(new Justification { Val = JustificationValues.Right });
        if (indent) properties.Append(new Indentation { FirstLineChars = 200, FirstLine = "640" });
        var runProperties = new RunProperties(new RunFonts { Ascii = "FangSong", HighAnsi = "FangSong", EastAsia = "仿宋_GB2312" });
        if (bold) runProperties.Append(new Bold());
        if (color is not null) runProperties.Append(new Color { Val = color });
        runProperties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
