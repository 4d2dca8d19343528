
namespace WorkflowEngine.Engine.Cases;

/// <summary>Who holds a post: the members of a collective meeting are read from here when the vote opens.</summary>
public interface IRoster
{
    IReadOnlyList<RosterMember> Holders(string role);

    /// <summary>The name of a person who holds any post, or null.</summary>
    string? NameOf(string memberId);
}
