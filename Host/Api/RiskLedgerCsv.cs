using System.Globalization;
using System.Text;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Api;

/// <summary>The risk ledger (风险台帐) as CSV that Excel opens correctly (UTF-8 with a byte-order mark).</summary>
public static class RiskLedgerCsv
{
    private static readonly string[] Header = ["时间", "案件", "流程", "环节", "风险点", "风险等级", "风险内容", "检查", "办理人", "情况"];

    public static byte[] Write(IEnumerable<RiskEventRecord> events)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", Header));
        foreach (var e in events)
        {
            string[] cells =
            [
                e.At.ToOffset(Engine.Calendar.WorkCalendar.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                e.CaseId, e.DefinitionId, e.StepName, e.RiskPointId, $"{e.Level}级", e.RiskText, e.CheckName, e.ActorName, e.Message,
            ];
            text.AppendLine(string.Join(",", cells.Select(Quote)));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
