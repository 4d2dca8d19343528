using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Risk;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>What the runtime reads besides the case: the calendar, the risk checks, and who holds which post.</summary>
public sealed record RuntimeEnvironment(WorkCalendar Calendar, RiskCheckRegistry Checks, IRoster Roster);
