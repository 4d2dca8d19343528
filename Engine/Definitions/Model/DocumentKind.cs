namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>The written notices and decisions an action can issue: the licensing ones and those of 行政复议 (both sides).</summary>
public enum DocumentKind
{
    CorrectionNotice, AcceptanceNotice, RefusalDecision, ExtensionNotice, HearingNotice, GrantDecision, DenialDecision,
    ReconsiderationCorrectionNotice, ReconsiderationAcceptanceNotice, ReconsiderationRefusalDecision, ReconsiderationReply, ReconsiderationDecision,
}
