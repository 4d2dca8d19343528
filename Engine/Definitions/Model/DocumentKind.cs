namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>The written notices and decisions an action can issue to the applicant.</summary>
public enum DocumentKind
{
    CorrectionNotice, AcceptanceNotice, RefusalDecision, ExtensionNotice, HearingNotice, GrantDecision, DenialDecision,
}
