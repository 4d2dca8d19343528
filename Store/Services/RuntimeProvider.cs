using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Store.Services;

/// <summary>The current holiday calendar, swapped whole when a year is loaded.</summary>
public interface ICalendarSource
{
    WorkCalendar Current { get; }
}

/// <summary>Who holds which post right now (the host's users).</summary>
public interface IRosterSource
{
    IRoster Current { get; }
}

/// <summary>Builds the pure runtime over the current calendar, risk checks and roster.</summary>
public sealed class RuntimeProvider(ICalendarSource calendar, RiskCheckRegistry checks, IRosterSource roster)
{
    public WorkflowRuntime Create() => new(new RuntimeEnvironment(calendar.Current, checks, roster.Current));

    public WorkCalendar Calendar => calendar.Current;
}
