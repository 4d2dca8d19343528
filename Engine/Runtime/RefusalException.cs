
namespace WorkflowEngine.Engine.Runtime;

internal sealed class RefusalException(Refused refusal) : Exception(refusal.Message)
{
    public Refused Refusal { get; } = refusal;
}
