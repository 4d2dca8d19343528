namespace WorkflowEngine.Engine.Cases;

/// <summary>
/// The organisation as the runtime needs it: who holds a post (work lists, transfers, collective votes), who stands in for
/// whom (委托), who heads whose department, and who is disabled.
/// </summary>
public interface IRoster
{
    /// <summary>The active holders of a post.</summary>
    IReadOnlyList<RosterMember> Holders(string role);

    /// <summary>The name of a person who holds any post, or null.</summary>
    string? NameOf(string memberId);

    /// <summary>The delegations (not revoked) whose stand-in is <paramref name="standInId"/>, whatever their period.</summary>
    IReadOnlyList<Delegation> DelegationsTo(string standInId) => [];

    /// <summary>Whether <paramref name="headId"/> heads the department of <paramref name="memberId"/>.</summary>
    bool Heads(string headId, string memberId) => false;

    /// <summary>Whether the person exists but is disabled.</summary>
    bool IsDisabled(string memberId) => false;
}
