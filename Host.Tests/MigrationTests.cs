using System.Collections.Immutable;
using System.Net;
using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Server.Database;

namespace WorkflowEngine.Host.Tests;

/// <summary>A database made by the previous schema version (1, before case numbers) is upgraded on start without losing data, on either store.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public class MigrationTests(string provider)
{
    [Test]
    public async Task A_version_1_database_opens_keeps_its_cases_history_and_alerts_and_gains_case_numbers()
    {
        var db = WorkflowHost.NewDatabase(provider);
        (await DatabaseSetup.MigrateAsync(TestDatabase.Options(db), targetVersion: 1)).Should().Be(1);
        var caseId = await WriteVersion1CaseAsync(db);

        // Opened a week later: the review step's limit ran out meanwhile, so the first start also catches up.
        await using var host = new WorkflowHost(db, clockStart: "2026-03-10T09:00+08:00");
        var supervisor = await host.LoginAsync("supervisor");
        host.Log.Entries.Should().Contain(e => e.Message.StartsWith("Caught up on"));
        host.Log.Entries.Where(e => e.Exception is not null).Should().BeEmpty("catching up and scheduling the next wake-up fail nowhere");

        var view = await supervisor.Get($"/api/cases/{caseId}");
        view.Status.Should().Be(HttpStatusCode.OK);
        view.Body.GetProperty("caseNo").GetString().Should().Be("2026-000001", "the upgrade numbers existing cases in order of start");
        view.Body.GetProperty("title").GetString().Should().Be("旧系统申请人 · 母婴保健");
        view.Body.OpenSteps().Should().Equal("review");
        (await supervisor.Get($"/api/cases/{caseId}/history/verify")).Body.GetProperty("valid").GetBoolean().Should().BeTrue();
        var alert = (await supervisor.Get("/api/alerts")).Items[0];
        alert.GetProperty("caseNo").GetString().Should().Be("2026-000001");
        alert.GetProperty("caseTitle").GetString().Should().Be("旧系统申请人 · 母婴保健");

        var clerk = await host.LoginAsync("window");
        var next = await clerk.StartLicensingCase();
        next.GetProperty("caseNo").GetString().Should().Be("2026-000002");
        (await TestDatabase.ScalarAsync(db, "SELECT MAX(version) FROM schema_version")).Should().Be(provider == "Postgres" ? PostgresSetup.Scripts.Max(s => s.Version) : SqliteSetup.Scripts.Max(s => s.Version));
    }

    /// <summary>Writes, with plain SQL of the version 1 schema, a licensing case in review with its history, rows and an alert.</summary>
    private static async Task<string> WriteVersion1CaseAsync(string db)
    {
        var root = RepositoryPaths.Definitions(new WorkflowOptions());
        var json = await File.ReadAllTextAsync(Path.Combine(root, "flows", "licensing-approval.json"));
        var options = RiskCheckRegistry.CreateDefault().LoadOptions().WithRolesOf(root);
        var definition = DefinitionLoader.Load(json, options).Definition!;
        var calendar = WorkCalendar.Create(CalendarYearFile.LoadDirectory(Path.Combine(root, "calendars")));
        var runtime = new WorkflowRuntime(new RuntimeEnvironment(calendar, RiskCheckRegistry.CreateDefault(), FixedRoster.Empty));
        var clerk = new Actor("window", "窗口 王芳", new HashSet<string> { "approval-window" });
        var at = new DateTimeOffset(2026, 3, 2, 10, 0, 0, WorkCalendar.ChinaOffset);
        var data = ImmutableDictionary<string, Value>.Empty
            .Add("applicant", Value.String("旧系统申请人")).Add("contact", Value.String("1")).Add("item", Value.String("母婴保健")).Add("kind", Value.String("承诺件"));
        var started = (Applied)runtime.Execute(definition, null, new StartCase("legacy-case", data), clerk, at);
        var materials = ImmutableDictionary<string, Value>.Empty.Add("materials", Value.List(new[] { "application", "identity", "qualification", "premises" }.Select(Value.String)));
        var accepted = (Applied)runtime.Execute(definition, started.State, new TakeAction(started.State.Active[0].TaskId, "accept", materials, null), clerk, at);
        var history = HistoryChain.Seal("legacy-case", 1, HistoryChain.Genesis, started.Events.Concat(accepted.Events));

        await using var connection = TestDatabase.Connect(db);
        await connection.OpenAsync();
        async Task Exec(string sql, params (string, object?)[] args)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in args)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value ?? DBNull.Value;
                command.Parameters.Add(p);
            }
            await command.ExecuteNonQueryAsync();
        }

        await Exec("INSERT INTO definitions VALUES (@id, 1, @name, @category, 'published', @json, @hash, @at, 'system', @at)",
            ("@id", definition.Id), ("@name", definition.Name), ("@category", definition.Category), ("@json", json),
            ("@hash", DefinitionStore.ContentHash(json)), ("@at", at.UtcTicks));
        await Exec("INSERT INTO cases VALUES ('legacy-case', @def, 1, '旧系统申请人 · 母婴保健', 'running', NULL, @at, 'window', NULL, 2, @state, @count, @last, @next)",
            ("@def", definition.Id), ("@at", at.UtcTicks), ("@state", CaseStateSerializer.Serialize(accepted.State)),
            ("@count", history.Count), ("@last", history[^1].Hash), ("@next", accepted.Timers.Min(t => t.FireAt).UtcTicks));
        foreach (var h in history)
            await Exec("INSERT INTO history VALUES (@c, @s, @t, @at, @a, @an, @task, @step, @action, @op, @data, @sum, @prev, @hash)",
                ("@c", h.CaseId), ("@s", h.Sequence), ("@t", h.Type), ("@at", h.At.UtcTicks), ("@a", h.ActorId), ("@an", h.ActorName),
                ("@task", h.TaskId), ("@step", h.StepId), ("@action", h.ActionId), ("@op", h.Opinion), ("@data", h.DataJson),
                ("@sum", h.Summary), ("@prev", h.PreviousHash), ("@hash", h.Hash));
        var task = accepted.State.Active[0];
        await Exec("INSERT INTO tasks VALUES ('legacy-case', @id, 'review', '审核', 'task', 'business-section', @def, @at, NULL, NULL, @no)",
            ("@no", false), ("@id", task.TaskId), ("@def", definition.Id), ("@at", at.UtcTicks));
        await Exec("INSERT INTO alerts (case_id, case_title, definition_id, task_key, step_id, step_name, \"limit\", level, due_at, raised_at, provisional, status) " +
            "VALUES ('legacy-case', '旧系统申请人 · 母婴保健', @def, @task, 'review', '审核', 'step', 'yellow', @at, @at, @no, 'open')",
            ("@no", false), ("@def", definition.Id), ("@task", task.TaskId), ("@at", at.AddDays(2).UtcTicks));
        return "legacy-case";
    }
}
