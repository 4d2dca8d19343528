

namespace WorkflowEngine.Engine.Outlook;

/// <summary>How a time limit stands: within it, past its warning point (黄牌), or run out (红牌).</summary>
public enum DeadlineLevel { Normal, Yellow, Red }
