using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Cases;

public enum CaseStatus { Running, Closed }
