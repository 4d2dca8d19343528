namespace WorkflowEngine.Engine.Calendar;

public enum DayKind { Workday, Weekend, Holiday, MakeUpWorkday }
