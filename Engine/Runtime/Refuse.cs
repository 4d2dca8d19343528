using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>Raises the refusals a command can meet; caught by the runtime and returned as <see cref="Refused"/>.</summary>
internal static class Refuse
{
    public static RefusalException Because(RefusalCode code, string message, string? riskPointId = null, string? checkName = null) =>
        new(new Refused(code, message, riskPointId, checkName));
}
