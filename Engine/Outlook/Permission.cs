using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>Whether a command would pass the runtime's gates now; when not, the code and the Chinese reason it would give.</summary>
public sealed record Permission(bool Allowed, RefusalCode? Code, string? Reason)
{
    public static readonly Permission Granted = new(true, null, null);

    public static Permission Refused(Refused refusal) => new(false, refusal.Code, refusal.Message);
}
