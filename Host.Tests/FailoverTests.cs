using System.Net.Http.Headers;
using System.Text.Json;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Server.Cli.Bench;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Store.Persistence;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// Two service processes on one PostgreSQL database with Quartz clustered: when the node that runs the timers is
/// killed (SIGKILL, no graceful stop), the other raises every alert that falls due afterwards, each exactly once.
/// </summary>
public class FailoverTests
{
    private static readonly string[] NodeSettings =
        ["--clock", "system", "--Timers:SweepSeconds=2", "--Timers:ClusterCheckinSeconds=1"];

    [Test]
    public async Task Killing_the_node_that_runs_the_timers_moves_them_to_the_other_which_raises_each_alert_once()
    {
        var db = WorkflowHost.NewDatabase(TestDatabase.Postgres);
        await using var a = await NodeProcess.StartAsync(db, NodeSettings);

        // Emergency reports (2-hour limit) whose limits run out a minute from now and after (time enough for node B to start on a busy
        // machine), stored while node A runs alone: its wake-up trigger is set for them.
        var firstDue = DateTimeOffset.UtcNow.AddSeconds(60);
        var probes = await SeedEmergencyReportsAsync(db, firstDue, 6);

        await using var b = await NodeProcess.StartAsync(db, NodeSettings);
        var supervisorB = await b.LoginAsync("supervisor");
        using var stream = await supervisorB.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead);
        var events = new SseReader(await stream.Content.ReadAsStreamAsync());
        (await events.NextAsync()).Event.Should().Be("ready");

        DateTimeOffset.UtcNow.Should().BeBefore(firstDue, "the node is killed before the first limit runs out");
        a.Kill();
        var killedAt = DateTimeOffset.UtcNow;

        var seen = new List<JsonElement>();
        while (seen.Count(IsStepRed) < probes.Count)
        {
            var next = await events.NextAsync(timeoutSeconds: 60);
            if (next.Event == "alert") seen.Add(JsonDocument.Parse(next.Data).RootElement.Clone());
        }

        var red = seen.Where(IsStepRed).ToList();
        red.Select(e => e.GetProperty("caseId").GetString()).Should().BeEquivalentTo(probes, "every limit that ran out after the kill raised its red card");
        red.Select(e => e.GetProperty("id").GetInt64()).Should().OnlyHaveUniqueItems();
        foreach (var alert in red) alert.GetProperty("raisedAt").GetDateTimeOffset().Should().BeAfter(killedAt);

        // Exactly once in the database too, and nothing more arrives.
        (await TestDatabase.ScalarAsync(db, "SELECT COUNT(*) FROM alerts WHERE level = 'red' AND \"limit\" = 'step'")).Should().Be(probes.Count);
        await Task.Delay(TimeSpan.FromSeconds(4));
        (await TestDatabase.ScalarAsync(db, "SELECT COUNT(*) FROM alerts WHERE level = 'red' AND \"limit\" = 'step'")).Should().Be(probes.Count);
    }

    private static bool IsStepRed(JsonElement alert) =>
        alert.GetProperty("level").GetString() == "red" && alert.GetProperty("limit").GetString() == "step";

    /// <summary>Starts emergency reports through the service layer with a clock set so that their limits run out at chosen instants.</summary>
    private static async Task<List<string>> SeedEmergencyReportsAsync(string db, DateTimeOffset firstDue, int count)
    {
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        var options = new WorkflowOptions { Database = { Provider = TestDatabase.Postgres, ConnectionString = db } };
        await using var env = await BenchEnvironment.CreateAsync(options, clock);
        var definition = (await env.Get<DefinitionStore>().PublishedAsync("public-health-emergency-report"))!;
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            clock.Now = firstDue.AddMilliseconds(500 * i) - TimeSpan.FromHours(2);
            var result = await env.Cases.StartAsync(definition.Id, TimerBenchmarks.FieldsFor(definition),
                new Actor("cdc", "疾控中心", new HashSet<string> { "county-cdc" }));
            result.IsApplied.Should().BeTrue(result.Outcome.ToString());
            ids.Add(result.Record!.Id);
        }
        return ids;
    }
}
