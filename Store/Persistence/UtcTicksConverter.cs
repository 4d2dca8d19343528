using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// Stores instants as UTC ticks: exact (the history hash covers them), ordered and comparable in SQL on
/// every provider. Read back in China time, which is how every instant is shown.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => ToTicks(v), v => FromTicks(v))
{
    public static long ToTicks(DateTimeOffset instant) => instant.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) =>
        new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(Engine.Calendar.WorkCalendar.ChinaOffset);
}
