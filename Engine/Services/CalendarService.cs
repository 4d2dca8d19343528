using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Persistence;
using WorkflowEngine.Engine.Persistence.Records;

namespace WorkflowEngine.Engine.Services;

public sealed record CalendarLoadResult(int Year, int CasesRecomputed, int ProvisionalDeadlinesBefore, int ProvisionalDeadlinesAfter);

/// <summary>
/// The holiday calendar in force: the years stored in the database. Loading a year stores it, swaps the
/// snapshot and recomputes the deadlines and timers of every open case that had a provisional one.
/// </summary>
public sealed class CalendarService(IDbContextFactory<WorkflowDbContext> dbFactory, DefinitionStore definitions, CaseStateCache states, TimeProvider clock,
    TimeOnly? closingTime = null)
    : ICalendarSource
{
    private WorkCalendar _current = WorkCalendar.Create([], closingTime);

    public WorkCalendar Current => Volatile.Read(ref _current);

    /// <summary>Stores the given years that are not stored yet (the shipped notices), then loads every stored year.</summary>
    public async Task InitializeAsync(IEnumerable<CalendarYear> shipped, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Calendars.Select(c => c.Year).ToListAsync(ct);
        foreach (var year in shipped.Where(y => !stored.Contains(y.Year)))
            db.Calendars.Add(Record(year, "system"));
        await db.SaveChangesAsync(ct);
        var years = await db.Calendars.AsNoTracking().OrderBy(c => c.Year).ToListAsync(ct);
        Volatile.Write(ref _current, WorkCalendar.Create(years.Select(y => CalendarYearFile.Parse(y.Json, $"{y.Year}.json")), closingTime));
    }

    public async Task<CalendarLoadResult> LoadYearAsync(CalendarYear year, string userId, RuntimeProvider runtimes, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await db.Database.UseTransactionAsync(transaction, ct);
        await db.Calendars.Where(c => c.Year == year.Year).ExecuteDeleteAsync(ct);
        db.Calendars.Add(Record(year, userId));
        await db.SaveChangesAsync(ct);

        var before = await ProvisionalCountAsync(db, ct);
        var previous = Current;
        Volatile.Write(ref _current, previous.WithYear(year));
        try
        {
            var rows = new CaseRows(connection, transaction);
            var writer = new CaseWriter(rows, runtimes.Create(), clock.GetUtcNow());
            var running = await db.Cases.AsNoTracking().Where(c => c.Status == "running").ToListAsync(ct);
            foreach (var record in running)
            {
                var definition = (await definitions.GetAsync(record.DefinitionId, record.DefinitionVersion, ct))!;
                await writer.RederiveAsync(record, definition, states.Read(record.Id, record.StateJson), await rows.LoadDerivedAsync(record.Id, ct), ct);
            }
            var after = await ProvisionalCountAsync(db, ct);
            await transaction.CommitAsync(ct);
            return new CalendarLoadResult(year.Year, running.Count, before, after);
        }
        catch
        {
            Volatile.Write(ref _current, previous);
            throw;
        }
    }

    private static async Task<int> ProvisionalCountAsync(WorkflowDbContext db, CancellationToken ct) =>
        await db.Deadlines.CountAsync(d => d.Provisional, ct) + await db.Tasks.CountAsync(t => t.Provisional, ct);

    public async Task<IReadOnlyList<CalendarRecord>> StoredYearsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Calendars.AsNoTracking().OrderBy(c => c.Year).ToListAsync(ct);
    }

    private CalendarRecord Record(CalendarYear year, string userId) => new()
    {
        Year = year.Year, Json = CalendarYearFile.ToJson(year), Source = year.Source, LoadedAt = clock.GetUtcNow(), LoadedBy = userId,
    };
}
