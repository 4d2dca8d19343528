

namespace WorkflowEngine.Engine.Outlook;

/// <summary>A date a document states, with the rule it follows: the applicant's 复议 or 诉讼 period, the decision's due day.</summary>
public sealed record DocumentDate(string Name, DateOnly LastDay, bool Provisional, string Basis);
