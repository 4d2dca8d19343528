using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>Whether a command would pass the runtime's gates now; when not, the code and the Chinese reason it would give.</summary>
public sealed record Permission(bool Allowed, RefusalCode? Code, string? Reason)
{
    public static readonly Permission Granted = new(true, null, null);

    public static Permission Refusal(RefusalCode code, string reason) => new(false, code, reason);
}
