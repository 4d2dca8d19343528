using System.Collections.Concurrent;
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
    /// <summary>Who a document is addressed to, its body, and the lines after the signature.</summary>
    private sealed record Layout(string[] Body, string? Addressee = "{{case.applicant}}：", bool ContactLine = true,
        string Receipt = ApplicantReceipt, string Copies = "本文书一式两份，一份交申请人，一份存档。");

    private const string ApplicantReceipt = "经办人：{{document.clerk}}　　申请人（签收）：＿＿＿＿＿＿　　签收日期：＿＿＿＿年＿＿月＿＿日";

    private static readonly ConcurrentDictionary<DocumentKind, byte[]> Built = new();

    /// <summary>The shipped template of a kind, built once: callers read it and never change it.</summary>
    public static byte[] For(DocumentKind kind) => Built.GetOrAdd(kind, Create);

    private static byte[] Create(DocumentKind kind) => Build(kind switch
    {
        DocumentKind.CorrectionNotice => new Layout(
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部内容如下：",
            "{{notice.missingMaterials}}",
            "补正要求：{{notice.correctionRequirements}}",
            "请于{{notice.correctionDeadline}}前一次性补正上述全部材料，提交至{{agency.address}}。补正材料期间不计入办理时限；本机关自收到全部补正材料之日起受理。",
        ]),
        DocumentKind.AcceptanceNotice => new Layout(
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，本机关决定予以受理，受理日期为{{document.date}}。",
            "收到的申请材料：{{notice.receivedMaterials}}。",
            "本机关将于{{notice.decisionDeadline}}前作出行政许可决定（{{notice.decisionBasis}}）。依法需要听证、检验、检测、鉴定、专家评审或者现场勘验的，所需时间不计入上述期限，本机关将书面告知所需时间；依法延长期限的，本机关将告知延长的理由。",
        ]),
        DocumentKind.RefusalDecision => new Layout(
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），经审查，{{notice.refusalGround}}",
            "根据《中华人民共和国行政许可法》第三十二条第一款的规定，本机关决定不予受理。",
            Remedies,
        ]),
        DocumentKind.ExtensionNotice => new Layout(
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），因{{notice.extensionReason}}，本机关不能在法定期限内作出决定。根据《中华人民共和国行政许可法》第四十二条的规定，经本机关负责人批准，办理期限延长十日，本机关将于{{notice.decisionDeadline}}前作出决定。",
        ]),
        DocumentKind.HearingNotice => new Layout(
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），直接关系他人之间重大利益。根据《中华人民共和国行政许可法》第四十七条的规定，你（单位）及利害关系人享有要求听证的权利。",
            "如要求听证，请于{{notice.hearingRequestDeadline}}前向本机关提出；逾期未提出的，视为放弃听证权利。本机关将在收到听证申请之日起二十日内组织听证，听证所需时间不计入办理期限。",
        ]),
        DocumentKind.GrantDecision => new Layout(
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。",
            "本机关将自本决定作出之日起十日内向你（单位）颁发、送达行政许可证件（《中华人民共和国行政许可法》第四十四条）。",
        ]),
        DocumentKind.DenialDecision => new Layout(
        [
            "你（单位）于{{case.receivedOn}}提出的“{{case.item}}”申请（案件编号{{case.no}}），经审查，{{notice.denialGround}}",
            "根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。",
            Remedies,
        ]),
        DocumentKind.ReconsiderationCorrectionNotice => new Layout(
        [
            "你（单位）于{{case.receivedOn}}向本机关提出的行政复议申请（案件编号{{case.no}}），对{{case.respondent}}作出的{{case.contestedAct}}不服。经审查，申请材料不齐全或者表述不清楚，本机关无法判断该申请是否符合《中华人民共和国行政复议法》第三十条第一款规定的受理条件。根据该法第三十一条的规定，现一次性通知你（单位）需要补正的全部事项如下：",
            "{{notice.missingMaterials}}",
            "补正要求：{{notice.correctionRequirements}}",
            "请自收到本通知书之日起十日内（依照该法第八十八条，为工作日，不含法定休假日）向本机关提交补正材料，提交地址：{{agency.address}}。有正当理由不能按期补正的，可以向本机关申请延长合理的补正期限；无正当理由逾期不补正的，视为放弃行政复议申请，并记录在案。本机关收到补正材料后，依照该法第三十条的规定处理。",
        ]),
        DocumentKind.ReconsiderationAcceptanceNotice => new Layout(
        [
            "你（单位）于{{case.receivedOn}}提出的行政复议申请（案件编号{{case.no}}），对{{case.respondent}}作出的{{case.contestedAct}}不服，复议请求为：{{case.request}}。经审查，该申请符合《中华人民共和国行政复议法》第三十条第一款规定的受理条件，本机关依法予以受理，受理日期为{{document.date}}。",
            "本机关将在法定期限内将行政复议申请书副本或者申请笔录复印件发送被申请人，被申请人应当在法定期限内提出书面答复，并提交作出行政行为的证据、依据和其他有关材料（该法第四十八条、第五十四条）。你（单位）可以按照规定查阅、复制被申请人提出的书面答复、作出行政行为的证据、依据和其他有关材料（该法第四十七条）。",
            "本机关将于{{notice.decisionDeadline}}前作出行政复议决定（{{notice.decisionBasis}}）；依法延长审理期限或者中止审理的，本机关将书面告知。",
            "行政复议期间，行政行为不停止执行，但有该法第四十二条规定情形之一的除外。行政复议决定作出前，你（单位）可以撤回行政复议申请；撤回后不得再以同一事实和理由提出行政复议申请（该法第七十四条）。",
        ]),
        DocumentKind.ReconsiderationRefusalDecision => new Layout(
        [
            "你（单位）于{{case.receivedOn}}提出的行政复议申请（案件编号{{case.no}}），对{{case.respondent}}作出的{{case.contestedAct}}不服。经审查，{{notice.refusalGround}}",
            "该申请不符合《中华人民共和国行政复议法》第三十条第一款规定的受理条件。根据该法第三十条第二款的规定，本机关决定不予受理。{{notice.competentBodyNotice}}",
            ReconsiderationRemedy + "；法律、行政法规未规定应当先申请行政复议的，你（单位）也可以在法定起诉期限内依法就原行政行为提起行政诉讼。",
        ]),
        DocumentKind.ReconsiderationReply => new Layout(
        [
            "答复人：{{agency.name}}，地址：{{agency.address}}，联系电话：{{agency.telephone}}。",
            "{{case.applicant}}不服本机关作出的{{case.contestedAct}}，向你机关申请行政复议。本机关于{{case.copyReceivedOn}}收到行政复议申请书副本（申请笔录复印件）。根据《中华人民共和国行政复议法》第四十八条的规定，现在法定期限内提出书面答复如下：",
            "{{case.replyDraft}}",
            "作出该行政行为的法律依据：{{case.legalBasis}}",
            "随本答复书一并提交作出该行政行为的证据、依据和其他有关材料：",
            "{{notice.evidenceList}}",
            "本机关将依法派员参加你机关听取意见或者组织的听证（该法第四十九条、第五十条），并依法履行行政复议决定（该法第七十七条）。",
            "特此答复。",
        ], Addressee: "{{case.reconsiderationBody}}：", ContactLine: false, Receipt: "经办人：{{document.clerk}}",
            Copies: "本答复书一式两份，一份连同证据、依据和其他有关材料提交行政复议机关，一份存档。"),
        _ => new Layout(
        [
            "申请人：{{case.applicant}}",
            "被申请人：{{case.respondent}}",
            "申请人不服被申请人作出的{{case.contestedAct}}，于{{case.receivedOn}}向本机关申请行政复议（案件编号{{case.no}}）。本机关依法受理后，依照《中华人民共和国行政复议法》的规定进行了审理，现已审理终结。",
            "申请人请求：{{case.request}}",
            "本机关认为：{{case.decisionReasons}}",
            "根据《中华人民共和国行政复议法》{{notice.decisionArticle}}的规定，本机关决定：{{notice.decisionOutcome}}",
            ReconsiderationRemedy + "；法律规定行政复议决定为最终裁决的除外。",
            "本决定书一经送达，即发生法律效力（该法第七十五条）。被申请人应当履行本决定（该法第七十七条）。",
        ], Addressee: null, Receipt: "经办人：{{document.clerk}}", Copies: "本决定书送达申请人、被申请人，一份存档。"),
    }, kind);

    private const string Remedies =
        "如不服本决定，可以自收到本决定书之日起六十日内（即{{notice.reconsiderationDeadline}}前，{{notice.reconsiderationBasis}}）向{{agency.reconsiderationBody}}申请行政复议，或者自收到本决定书之日起六个月内（即{{notice.litigationDeadline}}前，{{notice.litigationBasis}}）向{{agency.court}}提起行政诉讼。";

    private const string ReconsiderationRemedy =
        "你（单位）如不服本决定，可以自收到本决定书之日起十五日内（即{{notice.litigationDeadline}}前，{{notice.litigationBasis}}）依法向{{agency.court}}提起行政诉讼";

    private static byte[] Build(Layout layout, DocumentKind kind)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var content = new Body();
            content.Append(Line("{{agency.name}}", center: true, bold: true, size: 36, color: "B5241B"));
            content.Append(Line("{{document.title}}", center: true, bold: true, size: 40));
            content.Append(Line("{{document.number}}", right: true));
            if (layout.Addressee is not null) content.Append(Line(layout.Addressee, bold: true));
            foreach (var text in layout.Body) content.Append(Line(text, indent: true));
            if (layout.ContactLine) content.Append(Line("联系地址：{{agency.address}}　　联系电话：{{agency.telephone}}", indent: true));
            content.Append(Line(""));
            content.Append(Line("{{agency.seal}}", right: true));
            content.Append(Line("{{agency.name}}", right: true));
            content.Append(Line("{{document.date}}", right: true));
            content.Append(Line(layout.Receipt, size: 21));
            content.Append(Line(layout.Copies, size: 18));
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
