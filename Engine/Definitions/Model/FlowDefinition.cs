using System.Collections.Immutable;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Definitions.Model;

public sealed record SourceReference(string File, int Line, string? Note);

public sealed class RoleDefinition : DefinitionElement
{
    public required string Id { get; init; }
    public required string Name { get; init; }
}

/// <summary>A flow as a process owner writes it: steps, posts, case data, limits and risk points.</summary>
public sealed class FlowDefinition : DefinitionElement
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Name { get; init; }
    public string? Category { get; init; }
    public string? Description { get; init; }
    public SourceReference? Source { get; init; }
    public required IReadOnlyList<RoleDefinition> Roles { get; init; }
    public required IReadOnlyList<FieldDefinition> Fields { get; init; }
    /// <summary>The fields that make up a case's title in lists; empty means the first two required text fields.</summary>
    public IReadOnlyList<string> CaseTitle { get; init; } = [];
    /// <summary>Named values of the definition (thresholds such as 30000) that conditions may read.</summary>
    public required ImmutableDictionary<string, Value> Constants { get; init; }
    public required IReadOnlyList<RiskPoint> RiskPoints { get; init; }
    public CaseLimits? Limits { get; init; }
    public WithdrawalRule? Withdrawal { get; init; }
    /// <summary>Several items in one application, each decided on its own; null for a single-item flow.</summary>
    public BatchRule? Batch { get; init; }
    public required string StartStepId { get; init; }
    public required IReadOnlyList<StepDefinition> Steps { get; init; }
    /// <summary>The designer's node positions by step id; kept as written, never validated (see <see cref="NodePosition"/>).</summary>
    public IReadOnlyDictionary<string, NodePosition> Layout { get; init; } = new Dictionary<string, NodePosition>();

    private Dictionary<string, StepDefinition>? _steps;
    private Dictionary<string, FieldDefinition>? _fields;
    private Dictionary<string, RiskPoint>? _risks;
    private Dictionary<string, RoleDefinition>? _roles;

    public StepDefinition? FindStep(string id) => Find(ref _steps, Steps, s => s.Id, id);
    public StepDefinition Step(string id) =>
        FindStep(id) ?? throw new KeyNotFoundException($"Step '{id}' is not in definition '{Id}'.");
    public FieldDefinition? FindField(string id) => Find(ref _fields, Fields, f => f.Id, id);
    public RiskPoint? FindRiskPoint(string id) => Find(ref _risks, RiskPoints, r => r.Id, id);
    public RoleDefinition? FindRole(string id) => Find(ref _roles, Roles, r => r.Id, id);

    /// <summary>Looks up by id through an index built on first use; of duplicate ids (an invalid definition) the first counts.</summary>
    private static T? Find<T>(ref Dictionary<string, T>? index, IEnumerable<T> items, Func<T, string> key, string id) where T : class =>
        (index ??= items.GroupBy(key).ToDictionary(g => g.Key, g => g.First())).GetValueOrDefault(id);

    public string RoleName(string roleId) => FindRole(roleId)?.Name ?? roleId;
    public string FieldLabel(string fieldId) => FindField(fieldId)?.Label ?? fieldId;
}
