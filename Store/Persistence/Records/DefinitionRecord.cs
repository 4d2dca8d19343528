namespace WorkflowEngine.Store.Persistence.Records;

public static class DefinitionStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
}

/// <summary>One stored version of a flow definition; the JSON is kept exactly as written.</summary>
public sealed class DefinitionRecord
{
    public required string Id { get; set; }
    public required int Version { get; set; }
    public required string Name { get; set; }
    public string? Category { get; set; }
    public required string Status { get; set; }
    public required string Json { get; set; }
    /// <summary>SHA-256 of the JSON without its version number, to tell a changed file from an unchanged one.</summary>
    public required string ContentHash { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}
