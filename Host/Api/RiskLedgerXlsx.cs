using Microsoft.Net.Http.Headers;
using MiniExcelLibs;

namespace WorkflowEngine.Server.Api;

/// <summary>The risk ledger as an Excel workbook (.xlsx, MiniExcel), with the same columns as the CSV.</summary>
public sealed class RiskLedgerXlsx(IAsyncEnumerable<RiskEventDto> events) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var rows = new List<Dictionary<string, object>>();
        await foreach (var e in events.WithCancellation(http.RequestAborted))
            rows.Add(RiskLedger.Columns.Zip(RiskLedger.Cells(e)).ToDictionary(c => c.First, c => (object)c.Second));
        if (rows.Count == 0) rows.Add(RiskLedger.Columns.ToDictionary(c => c, _ => (object)""));
        // MiniExcel writes synchronously: into a temporary file first, then out to the client.
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await MiniExcel.SaveAsAsync(file, rows, sheetName: "风险台帐", excelType: ExcelType.XLSX, cancellationToken: http.RequestAborted);
        file.Position = 0;
        http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName("风险台帐.xlsx");
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.ContentLength = file.Length;
        await file.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
