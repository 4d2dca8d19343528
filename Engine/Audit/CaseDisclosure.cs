using System.Collections.Immutable;
using System.Text.Json;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Engine.Audit;

/// <summary>
/// What one viewer may read of a case they are allowed to see. Two rules, applied to the data, the outlook, the documents
/// and the history alike:
/// <list type="bullet">
/// <item>a confidential field (<see cref="FieldDefinition.VisibleTo"/>) is read only by holders of the posts it names and by
/// supervisors; for anyone else its value is replaced by <see cref="Redacted"/>;</item>
/// <item>the named ballots of a recorded vote (who voted what, and the opinion given with the ballot) are read only by the
/// meeting's members (its members' post, chair, recorder, or a member of the open round) and by supervisors; anyone
/// else sees that a member voted, the tally and the outcome.</item>
/// </list>
/// <paramref name="supervises"/> is the host's word that the viewer is a supervisor (纪检监察); administrators are not.
/// </summary>
public sealed class CaseDisclosure(FlowDefinition definition, Actor viewer, bool supervises)
{
    public const string Redacted = "已隐去";

    private readonly ImmutableHashSet<string> _hidden = Hidden(definition, viewer, supervises);

    /// <summary>The confidential fields the viewer may not read; with a batch's items field, its results (<c>batch</c>) too.</summary>
    private static ImmutableHashSet<string> Hidden(FlowDefinition definition, Actor viewer, bool supervises)
    {
        var hidden = definition.Fields.Where(f => f.VisibleTo is { } posts && !supervises && !posts.Any(viewer.Holds)).Select(f => f.Id).ToImmutableHashSet();
        return definition.Batch is { } batch && hidden.Contains(batch.ItemsField) ? hidden.Add(BatchRule.DataKey) : hidden;
    }

    /// <summary>The confidential fields this viewer may not read.</summary>
    public IReadOnlySet<string> HiddenFields => _hidden;

    public bool MaySeeField(string fieldId) => !_hidden.Contains(fieldId);

    /// <summary>Whether the viewer may read the named ballots of the vote step <paramref name="stepId"/>.</summary>
    public bool MaySeeBallots(string? stepId, CaseState? state)
    {
        if (supervises) return true;
        if (stepId is null || definition.FindStep(stepId) is not VoteStep vote) return true;
        if (viewer.Holds(vote.MembersRole) || (vote.ChairRole is { } chair && viewer.Holds(chair))
            || (vote.RecorderRole is { } recorder && viewer.Holds(recorder))) return true;
        return state?.Active.Any(a => a.StepId == stepId && a.Vote is { } v && v.Members.Contains(viewer.Id)) == true;
    }

    /// <summary>The data with every value the viewer may not read replaced by <see cref="Redacted"/>.</summary>
    public ImmutableDictionary<string, Value> Data(ImmutableDictionary<string, Value> data)
    {
        if (_hidden.Count == 0) return data;
        var result = data;
        foreach (var key in data.Keys.Where(_hidden.Contains)) result = result.SetItem(key, Value.String(Redacted));
        return result;
    }

    /// <summary>The outlook without named ballots the viewer may not read and with the documents' data redacted.</summary>
    public CaseOutlook Outlook(CaseOutlook outlook, CaseState state) => outlook with
    {
        Tasks = outlook.Tasks.Select(t => t.Vote is { } vote && !MaySeeBallots(t.StepId, state)
            ? t with { Vote = vote with { Members = vote.Members.Select(m => m with { Choice = null }).ToList() } }
            : t).ToList(),
        Documents = outlook.Documents.Select(d => d with { Document = d.Document with { Data = Data(d.Document.Data) } }).ToList(),
        Batch = _hidden.Contains(BatchRule.DataKey) ? null : outlook.Batch,
    };

    /// <summary>A history entry as the viewer may read it: confidential values and named ballots taken out.</summary>
    public HistoryRecord History(HistoryRecord record, CaseState? state)
    {
        var data = _hidden.Count == 0 ? null : Data(ParseObject(record.DataJson));
        var ballotsHidden = record.Type is EventTypes.VoteCast or EventTypes.VoteClosed && !MaySeeBallots(record.StepId, state);
        if (ballotsHidden)
        {
            data = (data ?? ParseObject(record.DataJson)).Remove("choice").Remove("ballots");
            if (record.Type == EventTypes.VoteCast)
                record = record with { Summary = $"{record.ActorName} 已表决（记名表决的表决内容仅参会成员和纪检监督人员可见）", Opinion = null };
        }
        return data is null ? record : record with { DataJson = Value.Object(data).ToJson() };
    }

    private static ImmutableDictionary<string, Value> ParseObject(string json)
    {
        using var document = JsonDocument.Parse(json);
        var value = Value.FromJson(document.RootElement);
        return value.Kind == ValueKind.Object ? value.AsObject : ImmutableDictionary<string, Value>.Empty;
    }
}
