using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Store.Notifications;

/// <summary>Who is told: the holders of a post, a person's name and e-mail address, a post's Chinese name (the host's organisation).</summary>
public interface INotificationDirectory
{
    IReadOnlyList<RosterMember> Holders(string role);
    string? NameOf(string userId);
    string? EmailOf(string userId);
    string PostName(string role);
}
