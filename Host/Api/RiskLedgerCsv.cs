using System.Text;
using Microsoft.Net.Http.Headers;

namespace WorkflowEngine.Server.Api;

/// <summary>
/// The risk ledger (风险台帐) as CSV that Excel opens correctly (UTF-8 with a byte-order mark), written row by row as the
/// rows are read, so an export of any size holds every matching row and never sits in memory whole.
/// </summary>
public sealed class RiskLedgerCsv(IAsyncEnumerable<RiskEventDto> events) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName("风险台帐.csv");
        http.Response.Headers.ContentDisposition = disposition.ToString();
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024);
        await writer.WriteAsync(string.Join(",", RiskLedger.Columns) + "\r\n");
        await foreach (var e in events.WithCancellation(http.RequestAborted))
            await writer.WriteAsync(Line(e));
        await writer.FlushAsync(http.RequestAborted);
    }

    public static string Line(RiskEventDto e) => string.Join(",", RiskLedger.Cells(e).Select(Quote)) + "\r\n";

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
