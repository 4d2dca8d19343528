namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// What the organisation says a viewer oversees: whether their office is supervision (纪检监察, 督办 — the host decides who
/// holds it) and the people whose department they head or lead as 分管领导.
/// </summary>
public sealed record Oversight(bool Supervises, IReadOnlySet<string> Overseen)
{
    public static readonly Oversight None = new(false, new HashSet<string>());
}
