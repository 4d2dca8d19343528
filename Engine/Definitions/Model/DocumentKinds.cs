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
        _ => "不予行政许可决定书",
    };

    /// <summary>Whether the applicant may contest the document: it must then name the 复议机关 and the court and the periods.</summary>
    public static bool IsAdverse(DocumentKind kind) => kind is DocumentKind.RefusalDecision or DocumentKind.DenialDecision;
}
