using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Api;

/// <summary>A risk-ledger entry as supervisors read it: names and Chinese labels beside the ids a link or a filter needs.</summary>
public sealed record RiskEventDto(
    long Id, string CaseId, string CaseNo, string DefinitionId, string FlowName, string RiskPointId, int Level, string LevelName, string RiskText,
    string CheckName, string CheckLabel, string StepId, string StepName, string? TaskId, string ActorId, string ActorName, string? Department,
    DateTimeOffset At, string Message, string Outcome, string OutcomeName);

/// <summary>The stored entry and its case's number (null when the case is gone), as the ledger query reads them.</summary>
public sealed record RiskLedgerSource(RiskEventRecord Event, string? CaseNo);

/// <summary>
/// Labels the risk ledger (风险台帐) in Chinese: a check by what it checks (its description; a kind no check declares, such as
/// an urge recorded by another part of the product, by its own Chinese name or as 其他事项), the level as the manual writes it,
/// whether the action went ahead or a check blocked it, the flow by name, the actor's department.
/// </summary>
public sealed class RiskLedger(IReadOnlyDictionary<string, string> flowNames, IReadOnlyDictionary<string, string?> departments, RiskCheckRegistry checks)
{
    public static readonly string[] Columns = ["时间", "案件编号", "流程", "环节", "风险点", "风险等级", "风险内容", "检查事项", "处理结果", "办理人", "所在科室", "情况"];

    public static async Task<RiskLedger> LoadAsync(WorkflowDbContext db, RiskCheckRegistry checks, CancellationToken ct)
    {
        var flows = (await db.Definitions.AsNoTracking().Select(d => new { d.Id, d.Version, d.Name }).ToListAsync(ct))
            .GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!.Name);
        var departments = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Department }).ToDictionaryAsync(u => u.Id, u => u.Department, ct);
        return new RiskLedger(flows, departments, checks);
    }

    public RiskEventDto Entry(RiskLedgerSource source)
    {
        var r = source.Event;
        return new RiskEventDto(r.Id, r.CaseId, source.CaseNo ?? r.CaseId, r.DefinitionId, flowNames.GetValueOrDefault(r.DefinitionId) ?? r.DefinitionId,
            r.RiskPointId, r.Level, RiskPoint.NameOfLevel(r.Level), r.RiskText, r.CheckName, CheckLabel(r.CheckName), r.StepId, r.StepName, r.TaskId,
            r.ActorId, r.ActorName, departments.GetValueOrDefault(r.ActorId), r.At, r.Message, r.Outcome, OutcomeName(r.Outcome));
    }

    /// <summary>One row of the CSV and XLSX exports, in the order of <see cref="Columns"/>.</summary>
    public static string[] Cells(RiskEventDto e) =>
    [
        e.At.ToOffset(WorkCalendar.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), e.CaseNo, e.FlowName, e.StepName,
        e.RiskPointId, e.LevelName, e.RiskText, e.CheckLabel, e.OutcomeName, e.ActorName, e.Department ?? "", e.Message,
    ];

    public string CheckLabel(string name) =>
        checks.Find(name)?.Description
        ?? (name.Any(c => c >= '\u4e00' && c <= '\u9fff') ? name : name.Length == 0 ? "其他事项" : $"其他事项（{name}）");

    public static string OutcomeName(string outcome) => outcome switch
    {
        RiskOutcomes.Recorded => "已记录，办理继续",
        RiskOutcomes.Blocked => "已拦截，未予办理",
        _ => "已记录",
    };
}
