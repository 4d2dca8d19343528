using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WorkflowEngine.Engine.Persistence;

/// <summary>
/// Stores instants as UTC ticks: exact (the history hash covers them), ordered and comparable in SQL on
/// every provider. Read back in China time, which is how every instant is shown.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero).ToOffset(Calendar.WorkCalendar.ChinaOffset));
