using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Server.Notifications;
using WorkflowEngine.Store.Notifications;

namespace WorkflowEngine.Server.Api;

/// <summary>One piece of news on a user's live stream, with the Chinese notice the work list shows.</summary>
public sealed record WorkEventDto(
    string Kind, string CaseId, string CaseNo, string CaseTitle, string DefinitionId, string? TaskId, string? StepName, string Post, string PostName,
    DateTimeOffset? DueAt, DateTimeOffset At, string Title, string Message);

public static class MeEndpoints
{
    public static void MapMe(this IEndpointRouteBuilder app)
    {
        // The signed-in user's own live stream (Server-Sent Events): a task for a post they hold arrived, turned yellow or red,
        // or was urged. Nobody else's news is on it.
        app.MapGet("/api/me/stream", (ClaimsPrincipal user, WorkStream stream, NotificationPlanner planner, RoleNames roleNames, HttpContext http) =>
        {
            var actor = user.ToActor();
            return TypedResults.ServerSentEvents(Stream(stream.Subscribe(actor.Id, actor.Roles.ToHashSet(), http.RequestAborted), planner, roleNames,
                http.RequestAborted));
        }).WithTags("Tasks").Produces<WorkEventDto>(contentType: "text/event-stream");
    }

    private static async IAsyncEnumerable<SseItem<WorkEventDto>> Stream(System.Threading.Channels.ChannelReader<WorkSignal> reader,
        NotificationPlanner planner, RoleNames roleNames, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return new SseItem<WorkEventDto>(null!, "ready");
        while (await reader.WaitToReadAsync(ct).AsTask().ContinueWith(t => !t.IsCanceled && !t.IsFaulted && t.Result, TaskScheduler.Default))
            while (reader.TryRead(out var s))
            {
                var (title, message) = planner.Text(s);
                yield return new SseItem<WorkEventDto>(new WorkEventDto(s.Kind, s.CaseId, s.CaseNo, s.CaseTitle, s.DefinitionId, s.TaskId, s.StepName,
                    s.Role, roleNames.Of(s.Role), s.DueAt, s.At, title, message), "work");
            }
    }
}
