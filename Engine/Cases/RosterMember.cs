
namespace WorkflowEngine.Engine.Cases;

public sealed record RosterMember(string Id, string Name);
