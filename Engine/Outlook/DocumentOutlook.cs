using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>An issued document as a fact: which, when, by which action, its data, and the dates it must state.</summary>
public sealed record DocumentOutlook(IssuedDocument Document, string Name, IReadOnlyList<DocumentDate> Dates);
