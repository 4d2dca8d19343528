namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// One item of a materials checklist as the case stands: whether it is required now (a conditional item only while its
/// <paramref name="RequiredWhen"/> holds) and whether it has been ticked as checked.
/// </summary>
public sealed record MaterialOutlook(string Field, string Id, string Name, bool RequiredNow, bool Checked, string? RequiredWhen);
