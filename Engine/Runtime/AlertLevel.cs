using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Runtime;

public enum AlertLevel { Yellow, Red }
