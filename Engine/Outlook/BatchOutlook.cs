namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// The items of a batch case (一次申请、多个事项) and how they stand: each with its decision once made, the counts, and the
/// outcome once every item is decided (granted / denied / mixed). <paramref name="Label"/> is what one item is called (场所, 事项).
/// </summary>
public sealed record BatchOutlook(
    string Label, string ItemsField, IReadOnlyList<BatchItemOutlook> Items, int Granted, int Denied, int Open, string? Outcome);

/// <summary>One item: key, title, and once decided grant / deny, the ground, who decided at which step, and when.</summary>
public sealed record BatchItemOutlook(
    string Key, string Title, string? Decision, string? Ground, string? DecidedBy, string? DecidedByName, string? StepId, string? StepName,
    DateTimeOffset? DecidedAt);
