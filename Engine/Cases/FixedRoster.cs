
namespace WorkflowEngine.Engine.Cases;

/// <summary>A roster given as data (tests, benchmarks, and the host's snapshot of its users).</summary>
public sealed class FixedRoster(IReadOnlyDictionary<string, IReadOnlyList<RosterMember>> holders) : IRoster
{
    public static readonly FixedRoster Empty = new(new Dictionary<string, IReadOnlyList<RosterMember>>());

    public IReadOnlyList<RosterMember> Holders(string role) => holders.TryGetValue(role, out var list) ? list : [];

    public string? NameOf(string memberId) => holders.Values.SelectMany(l => l).FirstOrDefault(m => m.Id == memberId)?.Name;
}
