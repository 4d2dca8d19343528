
namespace WorkflowEngine.Engine.Runtime;

public abstract record CommandResult;
