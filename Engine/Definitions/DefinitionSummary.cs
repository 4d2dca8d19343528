using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Definitions;

/// <summary>What the catalog shows of a flow: its size, its time limits and its risk points.</summary>
public sealed record DefinitionSummary(
    string Id, int Version, string Name, string? Category, string? Description, int Steps, int OfficialSteps,
    string? Statutory, string? Promised, string StepLimitsTotal, int RiskPoints, int RiskLevel1, int Checks, string? Source)
{
    public static DefinitionSummary Of(FlowDefinition d) => new(
        d.Id, d.Version, d.Name, d.Category, d.Description, d.Steps.Count,
        d.Steps.Count(s => s.OpensTask),
        d.Limits?.Statutory?.Describe(d.FieldLabel), d.Limits?.Promised?.Describe(d.FieldLabel), StepTotal(d),
        d.RiskPoints.Count, d.RiskPoints.Count(r => r.Level == 1), d.Steps.Sum(s => s.Checks.Count),
        d.Source is { } s ? $"{s.File} 第 {s.Line} 行" : null);

    /// <summary>The sum of the steps' own limits, per unit: "17个工作日", "3个工作日 + 7日".</summary>
    private static string StepTotal(FlowDefinition d)
    {
        var parts = d.Steps
            .Select(s => s.TimeLimit?.Period ?? (s is WaitStep w ? w.Period : (Period?)null))
            .OfType<Period>()
            .GroupBy(x => x.Unit)
            .OrderBy(g => g.Key)
            .Select(g => new Period(g.Sum(x => x.Amount), g.Key).ToChinese())
            .ToList();
        return parts.Count == 0 ? "—" : string.Join(" + ", parts);
    }
}
