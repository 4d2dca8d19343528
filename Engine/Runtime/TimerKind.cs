
namespace WorkflowEngine.Engine.Runtime;

public enum TimerKind { Warning, Overdue, Timeout, WaitEnd, UrgeDue }
