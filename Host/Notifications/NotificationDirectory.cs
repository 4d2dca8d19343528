using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Server.Api;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Store.Notifications;

namespace WorkflowEngine.Server.Notifications;

/// <summary>The organisation as notifications see it: post holders from the roster, addresses and names from the users, post names.</summary>
public sealed class NotificationDirectory(UserDirectory users, RoleNames roleNames) : INotificationDirectory
{
    public IReadOnlyList<RosterMember> Holders(string role) => users.Current.Holders(role);

    public string? NameOf(string userId) => users.Current.NameOf(userId);

    public string? EmailOf(string userId) => users.EmailOf(userId);

    public string PostName(string role) => roleNames.Of(role);
}
