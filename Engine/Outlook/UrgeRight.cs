using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// Who may urge (督办) a case: supervisors, and the head or 分管领导 of the department of anyone who acted on it; a closed
/// case is urged by no one. The outlook shows it and the runtime's urge gate applies it.
/// </summary>
public static class UrgeRight
{
    public const string NotOverseer = "只有督办人员（纪检监察、督办）或本案所涉科室的负责人、分管领导可以督办。";

    public static Permission Of(CaseState state, Oversight oversight)
    {
        if (!oversight.Supervises && !CaseVisibility.Participants(state).Any(oversight.Overseen.Contains))
            return Permission.Refusal(RefusalCode.WrongRole, NotOverseer);
        return state.IsClosed ? Permission.Refusal(RefusalCode.CaseClosed, "案件已办结，不能督办。") : Permission.Granted;
    }
}
