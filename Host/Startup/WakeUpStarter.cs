using WorkflowEngine.Engine.Timers;

namespace WorkflowEngine.Server.Startup;

/// <summary>Registers the due-timers job with Quartz and fires it once at start, catching up on anything missed while stopped.</summary>
public sealed class WakeUpStarter(WakeUpScheduler wakeUp) : IHostedService
{
    public Task StartAsync(CancellationToken ct) => wakeUp.StartAsync(ct);
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
