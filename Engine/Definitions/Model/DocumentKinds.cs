namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>Which document an action issues, and the documents' names.</summary>
public static class DocumentKinds
{
    /// <summary>
    /// The action's own <c>issues</c>; otherwise, on a flow's first step (intake), by the action ids the intake steps share
    /// across flows (行政许可法第三十二条): 一次性告知补正, 受理 / 视为受理, 不予受理.
    /// </summary>
    public static DocumentKind? Of(FlowDefinition definition, StepDefinition step, ActionDefinition action) =>
        action.Issues ?? (step.Id != definition.StartStepId ? null : action.Id switch
    {
        "request-correction" => DocumentKind.CorrectionNotice,
        "accept" or "deemed-accept" => DocumentKind.AcceptanceNotice,
        "refuse" => DocumentKind.RefusalDecision,
        _ => null,
    });

    public static string Name(DocumentKind kind) => kind switch
    {
        DocumentKind.CorrectionNotice => "补正材料一次性告知书",
        DocumentKind.AcceptanceNotice => "受理通知书",
        DocumentKind.RefusalDecision => "不予受理决定书",
        DocumentKind.ExtensionNotice => "延长办理期限告知书",
        DocumentKind.HearingNotice => "听证权利告知书",
        DocumentKind.GrantDecision => "准予行政许可决定书",
        DocumentKind.DenialDecision => "不予行政许可决定书",
        DocumentKind.ReconsiderationCorrectionNotice => "行政复议补正通知书",
        DocumentKind.ReconsiderationAcceptanceNotice => "行政复议受理通知书",
        DocumentKind.ReconsiderationRefusalDecision => "行政复议不予受理决定书",
        DocumentKind.ReconsiderationReply => "行政复议答复书",
        _ => "行政复议决定书",
    };

    /// <summary>
    /// Whether the applicant may contest the document: it must then name where and by when (a licensing refusal or
    /// denial: 行政复议 or 行政诉讼; a reconsideration body's refusal or decision: 行政诉讼).
    /// </summary>
    public static bool IsAdverse(DocumentKind kind) => kind is DocumentKind.RefusalDecision or DocumentKind.DenialDecision
        or DocumentKind.ReconsiderationRefusalDecision or DocumentKind.ReconsiderationDecision;
}
