using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>转办: the task passes to another holder of its post, who alone acts on it from then.</summary>
public sealed record TransferTask(string TaskId, string ToUserId, string Reason) : Command;

/// <summary>加签: a signer who signs before the holder may act, or after the holder acted and before the case moves on.</summary>
public sealed record AddSigner(string TaskId, string UserId, SignerPosition Position, string Reason) : Command;

/// <summary>An added signer signs: agrees (the task goes on) or returns it to the holder, with an opinion.</summary>
public sealed record SignTask(string TaskId, bool Agree, string Opinion) : Command;

/// <summary>
/// 督办/催办: a supervisor or a department's leader asks the handlers of the case (or of one task) to answer by
/// <see cref="ReplyBy"/>. <see cref="Oversight"/> is what the organisation says the urger oversees (the host fills it in);
/// <see cref="Outlook.UrgeRight"/> decides from it.
/// </summary>
public sealed record UrgeCase(string? TaskId, string Message, DateTimeOffset ReplyBy) : Command
{
    public Outlook.Oversight Oversight { get; init; } = Outlook.Oversight.None;
}

/// <summary>The handler's answer to an urge (or the addressed leader's to an escalation).</summary>
public sealed record AnswerUrge(string UrgeId, string Answer) : Command;

/// <summary>升级督办: a case whose card stayed red is put before a leader, who answers like an urge.</summary>
public sealed record EscalateCase(string ToUserId, string Message, DateTimeOffset ReplyBy) : Command;
