using System.Collections.Immutable;

namespace WorkflowEngine.Engine.Cases;

public enum VoteChoice { For, Against, Abstain }
