namespace WorkflowEngine.Engine.Cases;

/// <summary>A post informed of a case (抄送) when one of its steps opened.</summary>
public sealed record CarbonCopy(string Post, string StepId, string TaskId, DateTimeOffset At);
