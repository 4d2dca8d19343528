using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Risk;

namespace WorkflowEngine.Engine.Runtime;

public sealed record RosterMember(string Id, string Name);

/// <summary>Who holds a post: the members of a collective meeting are read from here when the vote opens.</summary>
public interface IRoster
{
    IReadOnlyList<RosterMember> Holders(string role);

    /// <summary>The name of a person who holds any post, or null.</summary>
    string? NameOf(string memberId);
}

/// <summary>A roster given as data (tests, benchmarks, and the host's snapshot of its users).</summary>
public sealed class FixedRoster(IReadOnlyDictionary<string, IReadOnlyList<RosterMember>> holders) : IRoster
{
    public static readonly FixedRoster Empty = new(new Dictionary<string, IReadOnlyList<RosterMember>>());

    public IReadOnlyList<RosterMember> Holders(string role) => holders.TryGetValue(role, out var list) ? list : [];

    public string? NameOf(string memberId) => holders.Values.SelectMany(l => l).FirstOrDefault(m => m.Id == memberId)?.Name;
}

/// <summary>What the runtime reads besides the case: the calendar, the risk checks, and who holds which post.</summary>
public sealed record RuntimeEnvironment(WorkCalendar Calendar, RiskCheckRegistry Checks, IRoster Roster);
