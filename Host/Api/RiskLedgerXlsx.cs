using Microsoft.Net.Http.Headers;
using MiniExcelLibs;

namespace WorkflowEngine.Server.Api;

/// <summary>The risk ledger as an Excel workbook (.xlsx, MiniExcel), with the same columns as the CSV.</summary>
public sealed class RiskLedgerXlsx(IAsyncEnumerable<RiskEventDto> events) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        // MiniExcel writes synchronously, row by row as it enumerates: on a worker thread into a temporary file, then
        // out to the client, so the ledger is never held in memory whatever its length.
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await Task.Run(() => MiniExcel.SaveAs(file, Rows(http.RequestAborted), sheetName: "风险台帐", excelType: ExcelType.XLSX), http.RequestAborted);
        file.Position = 0;
        http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName("风险台帐.xlsx");
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.ContentLength = file.Length;
        await file.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    /// <summary>One row per event, read as they are written; a header-only sheet when there is none.</summary>
    private IEnumerable<Dictionary<string, object>> Rows(CancellationToken ct)
    {
        var any = false;
        foreach (var e in events.ToBlockingEnumerable(ct))
        {
            any = true;
            yield return RiskLedger.Columns.Zip(RiskLedger.Cells(e)).ToDictionary(c => c.First, c => (object)c.Second);
        }
        if (!any) yield return RiskLedger.Columns.ToDictionary(c => c, _ => (object)"");
    }
}
