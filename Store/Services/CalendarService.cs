using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Store.Services;

public sealed record CalendarLoadResult(int Year, int CasesRecomputed, int ProvisionalDeadlinesBefore, int ProvisionalDeadlinesAfter);

/// <summary>
/// The holiday calendar in force: the years stored in the database. Loading a year stores it, swaps the
/// snapshot and recomputes the deadlines and timers of every running case.
/// </summary>
public sealed class CalendarService(
    IDbContextFactory<WorkflowDbContext> dbFactory, WriteConnection writes, DefinitionStore definitions, TimeProvider clock,
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
        await using var transaction = await writes.BeginAsync(ct);
        var rows = transaction.Rows;
        await rows.StoreCalendarYearAsync(Record(year, userId), ct);
        var before = await rows.ProvisionalCountAsync(ct);
        var previous = Current;
        Volatile.Write(ref _current, previous.WithYear(year));
        try
        {
            var writer = new CaseWriter(rows, runtimes.Create(), clock.GetUtcNow());
            var running = await rows.RunningAsync(ct);
            var stored = await rows.LoadAllDerivedAsync(ct);
            foreach (var record in running)
            {
                var definition = (await definitions.GetAsync(record.DefinitionId, record.DefinitionVersion, ct))!;
                await writer.RederiveAsync(record, definition, CaseStateSerializer.Deserialize(record.StateJson),
                    stored.GetValueOrDefault(record.Id, DerivedRows.None), ct);
            }
            var after = await rows.ProvisionalCountAsync(ct);
            await transaction.CommitAsync(ct);
            return new CalendarLoadResult(year.Year, running.Count, before, after);
        }
        catch
        {
            Volatile.Write(ref _current, previous);
            throw;
        }
    }

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
