namespace WorkflowEngine.Engine.Cases;

/// <summary>
/// A stand-in (委托/代理): from <see cref="From"/> until <see cref="To"/>, <see cref="StandInId"/> may act on the tasks of
/// <see cref="PrincipalId"/>'s posts (<see cref="Posts"/>, or all of them when null), for the principal.
/// </summary>
public sealed record Delegation(
    string Id, string PrincipalId, string PrincipalName, string StandInId, string StandInName, IReadOnlySet<string>? Posts,
    DateTimeOffset From, DateTimeOffset To)
{
    public bool InForce(DateTimeOffset at) => From <= at && at < To;

    /// <summary>Whether the stand-in may act for the principal on a task of <paramref name="role"/> at <paramref name="at"/>.</summary>
    public bool Covers(string role, DateTimeOffset at) => InForce(at) && (Posts is null || Posts.Contains(role));

    /// <summary>The posts delegated, of those the principal holds (a delegation never gives a post the principal does not hold).</summary>
    public IEnumerable<string> PostsOf(IEnumerable<string> principalPosts) => principalPosts.Where(p => Posts is null || Posts.Contains(p));
}
