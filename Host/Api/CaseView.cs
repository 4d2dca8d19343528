using System.Text.Json;
using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Store.Persistence.Records;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Server.Api;

public sealed record FieldDto(string Id, string Label, FieldType Type, bool Required, IReadOnlyList<string> Options, IReadOnlyList<MaterialItem> Items);

public sealed record RiskPointDto(string Id, int Level, string LevelName, string Text, IReadOnlyList<string> Measures, IReadOnlyList<string> Checks);

/// <summary>
/// A case as the API serves it: the stored record's facts, the case data, and the core's <see cref="CaseOutlook"/> for the
/// caller, with the fields and risk points the outlook refers to by id. The data, documents and ballots are as the core's
/// <see cref="CaseDisclosure"/> lets the caller read them; <c>HiddenFields</c> names the confidential fields shown as “已隐去”.
/// </summary>
public sealed record CaseDto(
    string Id, string CaseNo, string Title, string DefinitionId, int DefinitionVersion, string DefinitionName, CaseStatus Status,
    EndOutcome? Outcome, string? EndStepId, string? EndStepName, JsonElement Data, long Version, DateTimeOffset StartedAt, string StartedBy,
    DateTimeOffset? ClosedAt, CaseClock Clock, CaseOutlook Outlook, IReadOnlyList<FieldDto> Fields, IReadOnlyList<RiskPointDto> RiskPoints,
    IReadOnlyList<string> HiddenFields);

public static class CaseView
{
    public static CaseDto Build(CaseRecord record, FlowDefinition definition, CaseState state, WorkflowRuntime runtime, Actor viewer, DateTimeOffset now,
        Oversight oversight)
    {
        var end = state.EndStepId is { } e ? definition.FindStep(e) : null;
        var disclosure = Disclosure(definition, viewer);
        var outlook = disclosure.Outlook(runtime.Describe(definition, state, viewer, now, oversight), state);
        var riskIds = outlook.Tasks.SelectMany(t => t.RiskPointIds).ToHashSet();
        return new CaseDto(
            record.Id, record.CaseNo, record.Title, definition.Id, definition.Version, definition.Name, state.Status, state.Outcome,
            state.EndStepId, end?.Name, JsonData.ToJson(disclosure.Data(state.Data)), state.Version, state.StartedAt, state.StartedBy, state.ClosedAt, state.Clock,
            outlook, definition.Fields.Select(Field).ToList(),
            definition.RiskPoints.Where(r => riskIds.Contains(r.Id)).Select(r => RiskPoint(definition, r)).ToList(),
            disclosure.HiddenFields.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The core's disclosure rule for this viewer: supervisors (纪检监察) read confidential fields and named ballots.</summary>
    public static CaseDisclosure Disclosure(FlowDefinition definition, Actor viewer) =>
        new(definition, viewer, viewer.Holds(WorkflowEngine.Server.Auth.SystemRoles.Supervisor));

    public static FieldDto Field(FieldDefinition f) => new(f.Id, f.Label, f.Type, f.Required, f.Options, f.Items);

    private static RiskPointDto RiskPoint(FlowDefinition d, RiskPoint r) => new(r.Id, r.Level, r.LevelName, r.Text, r.Measures,
        d.Steps.SelectMany(s => s.Checks).Where(c => c.RiskPointId == r.Id).Select(c => c.CheckName).Distinct().ToList());
}
