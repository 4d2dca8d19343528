using System.Globalization;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Store.Persistence;

internal sealed partial class CaseRows
{
    /// <summary>
    /// Counts a case that has just closed into its China-time month, flow and version (<c>on_time_months</c>), late when
    /// any of its limits went red, so on-time rates read a few rows per month however many cases closed.
    /// </summary>
    public Task CountClosedAsync(CaseRecord c, CancellationToken ct) => Execute(
        "INSERT INTO on_time_months (month, definition_id, definition_version, closed, late) VALUES (@month, @def, @ver, 1, @late) " +
        "ON CONFLICT (month, definition_id, definition_version) DO UPDATE SET closed = on_time_months.closed + 1, late = on_time_months.late + excluded.late",
        ct, ("@month", WorkCalendar.LocalDate(c.ClosedAt!.Value).ToString("yyyy-MM", CultureInfo.InvariantCulture)), ("@def", c.DefinitionId), ("@ver", c.DefinitionVersion), ("@late", c.LateAt is null ? 0 : 1));
}
