namespace WorkflowEngine.Engine.Cases;

/// <summary>Who issues a command: a user with the posts they hold, or the system (timers).</summary>
public sealed record Actor(string Id, string Name, IReadOnlySet<string> Roles)
{
    public static readonly Actor System = new("system", "系统", new HashSet<string>());

    public bool Holds(string role) => Roles.Contains(role);
}
