using Newtonsoft.Json.Linq;

namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>A numbered risk point of the manual (风险①) with its level (1 = 一级, highest) and prevention measures.</summary>
public sealed class RiskPoint : DefinitionElement
{
    public required string Id { get; init; }
    public required int Level { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<string> Measures { get; init; } = [];

    public string LevelName => NameOfLevel(Level);

    /// <summary>A risk level as the manual writes it: 一级 (highest), 二级, 三级.</summary>
    public static string NameOfLevel(int level) => level switch { 1 => "一级", 2 => "二级", 3 => "三级", _ => $"{level}级" };
}

public enum CheckPhase { Enter, Complete }

public enum CheckMode { Block, Flag }

/// <summary>A risk check attached to a step, on behalf of one of the step's risk points.</summary>
public sealed class RiskCheckBinding : DefinitionElement
{
    public required string RiskPointId { get; init; }
    public required string CheckName { get; init; }
    public required CheckPhase Phase { get; init; }
    public required CheckMode Mode { get; init; }
    /// <summary>For completion checks: the actions that trigger it; empty means all.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];
    public JObject Parameters { get; init; } = new();
    /// <summary>A condition on the case data under which the check applies; null means always.</summary>
    public string? When { get; init; }
    /// <summary>Set by validation.</summary>
    public Expressions.ParsedExpression? WhenCondition { get; init; }
    /// <summary>Set by validation: the check's parameters, parsed by the check itself.</summary>
    public object? ParsedParameters { get; internal set; }

    public bool AppliesTo(string? actionId) => Actions.Count == 0 || (actionId is not null && Actions.Contains(actionId));
}
