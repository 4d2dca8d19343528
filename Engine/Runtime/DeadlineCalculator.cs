using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>
/// Derives a case's deadlines and the timers it wants from its state and the calendar. Nothing here is
/// stored: loading a new calendar year and recomputing gives the corrected deadlines.
/// </summary>
internal sealed class DeadlineCalculator(FlowDefinition definition, WorkCalendar calendar)
{
    private readonly record struct Computed(PeriodEnd Due, DateTimeOffset? WarnAt, int PausedUnits);

    public IReadOnlyList<Deadline> Deadlines(CaseState state, DateTimeOffset now)
    {
        var result = new List<Deadline>();
        if (state.IsClosed) return result;
        // The outside party's limits come last, so that a task's own (agency) limit is the first found for its work list.
        foreach (var (kind, limit, c) in CaseDeadlines(state, openPauseUntil: now))
            result.Add(new Deadline(kind, null, null, limit.Period ?? SpanOf(state.Clock.StartedAt!.Value, c), c.Due.LastDay, c.Due.DueAt, c.WarnAt,
                c.Due.Provisional, state.Clock.IsPaused, state.Clock.PauseReason, c.PausedUnits,
                kind == LimitKind.Statutory && !limit.IsFixedDate ? state.Clock.ExtensionAmount : 0,
                limit.IsFixedDate ? limit.Describe(definition.FieldLabel) : null));
        foreach (var active in state.Active)
        {
            var step = definition.Step(active.StepId);
            if (step.TimeLimit is not { } limit || ComputeStepLimit(active, limit, state) is not { } c) continue;
            result.Add(new Deadline(LimitKind.Step, active.TaskId, step.Id, limit.Period ?? SpanOf(active.EnteredAt, c), c.Due.LastDay, c.Due.DueAt, c.WarnAt,
                c.Due.Provisional, false, null, 0, 0, limit.Period is null ? limit.Describe(definition.FieldLabel) : null));
        }
        foreach (var active in state.Active)
        {
            if (definition.Step(active.StepId).Clock.Outside is not { } outside) continue;
            var c = ComputeStep(active, outside.Period);
            result.Add(new Deadline(LimitKind.Outside, active.TaskId, active.StepId, outside.Period, c.Due.LastDay, c.Due.DueAt, c.WarnAt,
                c.Due.Provisional, false, null, 0, 0));
        }
        return result;
    }

    public IReadOnlyList<TimerRequest> Timers(CaseState state)
    {
        var timers = new List<TimerRequest>();
        if (state.IsClosed) return timers;
        if (!state.Clock.IsPaused)
            foreach (var (kind, _, c) in CaseDeadlines(state, openPauseUntil: null))
                AddAlertTimers(timers, state, TimerKeys.CaseLimit(kind, DeadlineLevel.Yellow), TimerKeys.CaseLimit(kind, DeadlineLevel.Red),
                    kind, null, null, c);
        foreach (var active in state.Active)
        {
            var step = definition.Step(active.StepId);
            var stepLimit = step.TimeLimit is { } limit ? ComputeStepLimit(active, limit, state) : null;
            if (stepLimit is { } c)
                AddAlertTimers(timers, state, TimerKeys.StepLimit(active.TaskId, DeadlineLevel.Yellow),
                    TimerKeys.StepLimit(active.TaskId, DeadlineLevel.Red), LimitKind.Step, active.TaskId, step.Id, c);
            if (step is TaskStep { OnTimeout: { } timeout })
            {
                // The outside party's limit, when there is one, is what runs out (视为放弃); the agency's own step limit otherwise.
                var due = timeout.After is { } after ? calendar.Add(active.EnteredAt, after)
                    : step.Clock.Outside is { } outside ? calendar.Add(active.EnteredAt, outside.Period)
                    : stepLimit?.Due;
                if (due is null) continue;
                timers.Add(new TimerRequest(TimerKeys.Timeout(active.TaskId), TimerKind.Timeout, null, active.TaskId, step.Id, due.Value.DueAt, due.Value.DueAt,
                    due.Value.Provisional));
            }
            if (step is WaitStep wait)
            {
                var due = calendar.Add(active.EnteredAt, wait.Period);
                timers.Add(new TimerRequest(TimerKeys.WaitEnd(active.TaskId), TimerKind.WaitEnd, null, active.TaskId, step.Id, due.DueAt, due.DueAt,
                    due.Provisional));
            }
        }
        foreach (var urge in state.Urges.Where(u => u.IsOpen && !u.Late))
        {
            timers.Add(new TimerRequest(TimerKeys.UrgeDue(urge.Id), TimerKind.UrgeDue, null, null, null, urge.ReplyBy, urge.ReplyBy, false));
        }
        return timers;
    }

    private static void AddAlertTimers(
        List<TimerRequest> timers, CaseState state, string warningKey, string overdueKey, LimitKind kind, string? taskId, string? stepId, Computed c)
    {
        if (c.WarnAt is { } warnAt && !state.RaisedAlerts.Contains(warningKey))
            timers.Add(new TimerRequest(warningKey, TimerKind.Warning, kind, taskId, stepId, warnAt, c.Due.DueAt, c.Due.Provisional));
        if (!state.RaisedAlerts.Contains(overdueKey))
            timers.Add(new TimerRequest(overdueKey, TimerKind.Overdue, kind, taskId, stepId, c.Due.DueAt, c.Due.DueAt, c.Due.Provisional));
    }

    /// <summary>The case limits while the case clock runs (none before it starts or after it stops).</summary>
    private IEnumerable<(LimitKind Kind, LimitDefinition Limit, Computed Due)> CaseDeadlines(CaseState state, DateTimeOffset? openPauseUntil)
    {
        if (!state.Clock.IsRunning) yield break;
        foreach (var kind in (LimitKind[])[LimitKind.Statutory, LimitKind.Promised])
            if (definition.Limits?.Get(kind) is { } limit && ComputeCase(state, kind, limit, openPauseUntil) is { } due)
                yield return (kind, limit, due);
    }

    /// <summary>A step's own limit: a period from the step's opening, or a fixed date; null while a date field is empty.</summary>
    private Computed? ComputeStepLimit(ActiveStep active, StepTimeLimit limit, CaseState state)
    {
        if (limit.Period is { } period) return ComputeStep(active, period);
        return ComputeFixedDate(active.EnteredAt, limit, state);
    }

    /// <summary>
    /// A limit fixed to a date, counted from <paramref name="from"/> (a step's opening, or the case clock's start); null while
    /// its date field is empty. It warns like a working-day limit of the working days between the start and the last day.
    /// </summary>
    private Computed? ComputeFixedDate(DateTimeOffset from, DatedLimit limit, CaseState state)
    {
        if (limit.DueFrom(from, state.Data, calendar) is not { } due) return null;
        var days = calendar.WorkingDaysBetween(WorkCalendar.LocalDate(from), due.LastDay);
        DateTimeOffset? warnAt = WarningUnits(days, PeriodUnit.WorkingDays) is { } k ? calendar.Add(from, new Period(k, PeriodUnit.WorkingDays)).DueAt : null;
        return new Computed(due, warnAt, 0);
    }

    /// <summary>The calendar days from the start of counting to a fixed last day, for the record of a date limit.</summary>
    private static Period SpanOf(DateTimeOffset from, Computed c) =>
        new(Math.Max(0, c.Due.LastDay.DayNumber - WorkCalendar.LocalDate(from).DayNumber), PeriodUnit.CalendarDays);

    private Computed ComputeStep(ActiveStep active, Period limit)
    {
        var due = calendar.Add(active.EnteredAt, limit);
        if (IsMonthly(limit.Unit)) return new Computed(due, MonthlyWarning(active.EnteredAt, due), 0);
        var warnUnits = WarningUnits(limit.Amount, limit.Unit);
        DateTimeOffset? warnAt = warnUnits is { } k ? calendar.Add(active.EnteredAt, new Period(k, limit.Unit)).DueAt : null;
        return new Computed(due, warnAt, 0);
    }

    /// <summary>
    /// A case limit fixed to a date falls on that date whatever the pauses and extensions. A period counts from the clock
    /// start, lengthened by the extension granted (statutory only) and by the paused time measured in the limit's own unit:
    /// working days paused for a working-day limit.
    /// </summary>
    private Computed? ComputeCase(CaseState state, LimitKind kind, LimitDefinition limit, DateTimeOffset? openPauseUntil)
    {
        var clock = state.Clock;
        var start = clock.StartedAt!.Value;
        if (limit.Period is not { } period) return ComputeFixedDate(start, limit, state);
        var unit = period.Unit;
        var pausedUnits = 0;
        var pausedTime = TimeSpan.Zero;
        foreach (var pause in clock.Pauses) Accumulate(pause.From, pause.To);
        if (openPauseUntil is { } until && clock.PausedSince is { } since) Accumulate(since, until);

        var total = period.Amount + (kind == LimitKind.Statutory ? clock.ExtensionAmount : 0);
        if (IsMonthly(unit))
        {
            // Paused calendar days push the whole month or year period later.
            var shifted = start.AddDays(pausedUnits);
            var monthly = calendar.Add(shifted, new Period(total, unit));
            return new Computed(monthly, MonthlyWarning(shifted, monthly), pausedUnits);
        }
        var warnUnits = WarningUnits(total, unit);
        if (unit == PeriodUnit.Hours)
        {
            var dueAt = start + TimeSpan.FromHours(total) + pausedTime;
            DateTimeOffset? warnAt = warnUnits is { } h ? start + TimeSpan.FromHours(h) + pausedTime : null;
            return new Computed(new PeriodEnd(WorkCalendar.LocalDate(dueAt), dueAt, false), warnAt, (int)pausedTime.TotalHours);
        }
        var due = calendar.Add(start, new Period(total + pausedUnits, unit));
        DateTimeOffset? warn = warnUnits is { } k ? calendar.Add(start, new Period(k + pausedUnits, unit)).DueAt : null;
        return new Computed(due, warn, pausedUnits);

        void Accumulate(DateTimeOffset from, DateTimeOffset to)
        {
            var fromDate = WorkCalendar.LocalDate(from);
            var toDate = WorkCalendar.LocalDate(to);
            switch (unit)
            {
                case PeriodUnit.WorkingDays: pausedUnits += calendar.WorkingDaysBetween(fromDate, toDate); break;
                case PeriodUnit.CalendarDays or PeriodUnit.Months or PeriodUnit.Years:
                    pausedUnits += Math.Max(0, toDate.DayNumber - fromDate.DayNumber);
                    break;
                default: pausedTime += to - from; break;
            }
        }
    }

    private static bool IsMonthly(PeriodUnit unit) => unit is PeriodUnit.Months or PeriodUnit.Years;

    /// <summary>A month or year period warns when the share of its calendar days set by the definition is used.</summary>
    private DateTimeOffset? MonthlyWarning(DateTimeOffset start, PeriodEnd due)
    {
        var first = WorkCalendar.LocalDate(start);
        var days = due.LastDay.DayNumber - first.DayNumber;
        var percent = (definition.Limits?.Warning ?? WarningRule.Default).PercentUsed;
        var k = days * percent / 100;
        return k > 0 && k < days ? calendar.DueInstant(first.AddDays(k)) : null;
    }

    /// <summary>
    /// How many units in the yellow card comes: the earlier of "percent used" and "remaining left" (when the
    /// remaining is given in the limit's unit). None when the limit is too short for a warning before the red card.
    /// </summary>
    private int? WarningUnits(int total, PeriodUnit unit)
    {
        var rule = definition.Limits?.Warning ?? WarningRule.Default;
        var k = total * rule.PercentUsed / 100;
        if (rule.Remaining is { } remaining && remaining.Unit == unit) k = Math.Min(k, total - remaining.Amount);
        return k > 0 && k < total ? k : null;
    }
}
