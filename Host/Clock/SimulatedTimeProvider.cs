namespace WorkflowEngine.Server.Clock;

/// <summary>
/// A clock that moves only when told to (--clock simulated). Timers created on it (Quartz's waits among
/// them) fire when the clock is moved past their due time, in due order.
/// </summary>
public sealed class SimulatedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object _lock = new();
    private readonly List<SimulatedTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now.ToUniversalTime();
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Sets the clock forward to <paramref name="instant"/> (never back) and runs the timers that fell due.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        while (true)
        {
            SimulatedTimer? due;
            lock (_lock)
            {
                due = _timers.Where(t => t.DueAt <= instant).MinBy(t => t.DueAt);
                if (due is null)
                {
                    if (instant > _now) _now = instant;
                    return;
                }
                if (due.DueAt > _now) _now = due.DueAt;
                due.Advance();
                if (due.DueAt == DateTimeOffset.MaxValue) _timers.Remove(due);
            }
            due.Invoke();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SimulatedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Register(SimulatedTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (timer.DueAt != DateTimeOffset.MaxValue) _timers.Add(timer);
        }
    }

    private sealed class SimulatedTimer(SimulatedTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; } = DateTimeOffset.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            DateTimeOffset now;
            lock (owner._lock) now = owner._now;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : now + dueTime;
            owner.Register(this);
            return true;
        }

        /// <summary>Called under the owner's lock when the timer fires: the next due time, or never.</summary>
        public void Advance() =>
            DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? DateTimeOffset.MaxValue : DueAt + _period;

        public void Invoke() => callback(state);

        public void Dispose()
        {
            DueAt = DateTimeOffset.MaxValue;
            owner.Register(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
