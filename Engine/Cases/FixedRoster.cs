namespace WorkflowEngine.Engine.Cases;

/// <summary>A roster given as data (tests, benchmarks, and the host's snapshot of its users).</summary>
public sealed class FixedRoster(
    IReadOnlyDictionary<string, IReadOnlyList<RosterMember>> holders,
    IReadOnlyList<Delegation>? delegations = null,
    IReadOnlyDictionary<string, string>? headOfMember = null,
    IReadOnlySet<string>? disabled = null) : IRoster
{
    public static readonly FixedRoster Empty = new(new Dictionary<string, IReadOnlyList<RosterMember>>());

    public IReadOnlyList<RosterMember> Holders(string role) => holders.TryGetValue(role, out var list) ? list : [];

    public string? NameOf(string memberId) => holders.Values.SelectMany(l => l).FirstOrDefault(m => m.Id == memberId)?.Name;

    public IReadOnlyList<Delegation> DelegationsTo(string standInId) => delegations?.Where(d => d.StandInId == standInId).ToList() ?? [];

    public bool Heads(string headId, string memberId) => headOfMember is not null && headOfMember.TryGetValue(memberId, out var head) && head == headId;

    public bool IsDisabled(string memberId) => disabled?.Contains(memberId) == true;

    /// <summary>The same holders with other delegations (the host swaps them in when a delegation changes).</summary>
    public FixedRoster With(IReadOnlyList<Delegation> newDelegations) => new(holders, newDelegations, headOfMember, disabled);
}
