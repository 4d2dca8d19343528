using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// An action of an open task as the viewer sees it: what it needs (fields, opinion), what it issues, whether the viewer
/// may take it now, and the risk checks that would block it with the case data as it stands (<paramref name="Blocks"/>:
/// the data the action brings may still satisfy them).
/// </summary>
public sealed record ActionOutlook(
    string Id, string Name, string Role, string RoleName, IReadOnlyList<string> Requires, OpinionRule Opinion, string? Extend, string? ExtendText,
    DocumentKind? Issues, Permission Permission, IReadOnlyList<Permission> Blocks)
{
    /// <summary>
    /// At a batch decide point, the keys of the items the action must decide, each grant or deny (a ground for deny), sent as
    /// <c>items</c>; null when the action decides no items.
    /// </summary>
    public IReadOnlyList<string>? ItemsToDecide { get; init; }
}
