using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Server.Clock;

/// <summary>The simulated clock's last position in the database (table clock_position): it only ever moves forward.</summary>
public sealed class ClockPositionStore(IDbContextFactory<WorkflowDbContext> dbFactory)
{
    public async Task<DateTimeOffset?> ReadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT instant FROM clock_position WHERE id = 1";
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : new DateTimeOffset(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);
    }

    /// <summary>Stores <paramref name="instant"/> unless a later position is already stored.</summary>
    public async Task SaveAsync(DateTimeOffset instant, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """
            INSERT INTO clock_position (id, instant) VALUES (1, @instant)
            ON CONFLICT (id) DO UPDATE SET instant = excluded.instant WHERE excluded.instant > clock_position.instant
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@instant";
        parameter.Value = instant.UtcTicks;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(ct);
    }
}
