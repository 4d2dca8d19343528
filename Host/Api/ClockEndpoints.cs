using System.Xml;
using WorkflowEngine.Server.Clock;

namespace WorkflowEngine.Server.Api;

public static class ClockEndpoints
{
    public static void MapClock(this IEndpointRouteBuilder app, bool simulated)
    {
        app.MapGet("/api/clock", (TimeProvider clock) => Results.Ok(new
        {
            now = clock.GetUtcNow(),
            mode = simulated ? "simulated" : "system",
        })).WithTags("Clock");

        if (!simulated) return;
        app.MapPost("/api/clock/advance", async (AdvanceRequest request, ClockAdvancer advancer, CancellationToken ct) =>
        {
            TimeSpan duration;
            try
            {
                duration = XmlConvert.ToTimeSpan(request.Duration ?? "");
            }
            catch (FormatException)
            {
                return Problems.BadRequest("duration 应为 ISO 8601 时长，如 P3D（3 天）、PT2H（2 小时）。");
            }
            if (duration <= TimeSpan.Zero) return Problems.BadRequest("duration 须大于零。");
            var result = await advancer.AdvanceAsync(duration, ct);
            return Results.Ok(new
            {
                from = result.From,
                to = result.To,
                timersFired = result.TimersFired,
            });
        }).WithTags("Clock").RequireAuthorization(Policies.Supervisor);
    }
}
