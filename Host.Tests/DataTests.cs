using System.Net;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Server.Cli;

namespace WorkflowEngine.Host.Tests;

/// <summary>The data moves and survives: migrate-db from SQLite to PostgreSQL, backup and restore on both stores.</summary>
public class DataTests
{
    /// <summary>Cases in every state a store holds: running with alerts, refused (closed), with a risk event; returns their ids.</summary>
    private static async Task<List<string>> FillAsync(WorkflowHost host)
    {
        var clerk = await host.LoginAsync("window");
        var supervisor = await host.LoginAsync("supervisor");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var view = await clerk.StartLicensingCase();
            ids.Add(view.Id());
            if (i == 0) await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/refuse", new { data = new { refusalGround = "不属于本机关许可事项" }, opinion = "不属于本机关许可事项" });
            else await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } });
        }
        (await supervisor.Post("/api/clock/advance", new { duration = "P5D" })).Status.Should().Be(HttpStatusCode.OK);
        (await supervisor.Get("/api/alerts?limit=200")).Items.GetArrayLength().Should().BeGreaterThan(0);
        return ids;
    }

    private static async Task ShouldHoldAsync(WorkflowHost host, IEnumerable<string> ids)
    {
        var supervisor = await host.LoginAsync("supervisor");
        foreach (var id in ids)
        {
            (await supervisor.Get($"/api/cases/{id}")).Status.Should().Be(HttpStatusCode.OK);
            (await supervisor.Get($"/api/cases/{id}/history/verify")).Body.GetProperty("valid").GetBoolean().Should().BeTrue();
        }
    }

    [Test]
    public async Task Migrate_db_copies_everything_from_sqlite_to_postgres_and_verifies_every_chain()
    {
        var sqlite = WorkflowHost.NewDatabase(TestDatabase.Sqlite);
        List<string> ids;
        await using (var before = new WorkflowHost(sqlite)) ids = await FillAsync(before);
        var counts = new Dictionary<string, long>();
        foreach (var table in DataVerbs.Tables) counts[table] = await TestDatabase.ScalarAsync(sqlite, $"SELECT COUNT(*) FROM {table}");

        var postgres = WorkflowHost.NewDatabase(TestDatabase.Postgres);
        var output = new StringWriter();
        var error = new StringWriter();
        (await DataVerbs.MigrateAsync(["--from", sqlite, "--to", postgres], output, error)).Should().Be(0, error.ToString());
        output.ToString().Should().Contain($"Hash chains verified: {counts["cases"]} cases, 0 broken.");
        foreach (var (table, count) in counts)
            (await TestDatabase.ScalarAsync(postgres, $"SELECT COUNT(*) FROM {table}")).Should().Be(count, table);

        // The service on PostgreSQL carries on where the SQLite one stopped (its clock too: 5 days later), with the same chain keys.
        WorkflowHost.CopyChainKeys(sqlite, postgres);
        await using var after = new WorkflowHost(postgres, clockStart: "2026-03-07T09:00+08:00");
        await ShouldHoldAsync(after, ids);
        var copied = (await (await after.LoginAsync("supervisor")).Get($"/api/cases/{ids[0]}/files")).Body.GetProperty("documents")[0];
        var docx = await (await after.LoginAsync("supervisor")).GetByteArrayAsync($"/api/cases/{ids[0]}/documents/{copied.GetProperty("id").GetString()}");
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx)).Should().Be(copied.GetProperty("sha256").GetString(),
            "the issued documents and their files are copied too");
        var clerk = await after.LoginAsync("window");
        (await clerk.StartLicensingCase()).GetProperty("caseNo").GetString().Should().Be("2026-000004");
        var supervisor = await after.LoginAsync("supervisor");
        var alertsBefore = (await supervisor.Get("/api/alerts?limit=200")).Items.GetArrayLength();
        await supervisor.Post("/api/clock/advance", new { duration = "P30D" });
        (await supervisor.Get("/api/alerts?limit=200")).Items.GetArrayLength().Should().BeGreaterThan(alertsBefore, "new alerts get new ids after the copied ones");
        (await supervisor.Post($"/api/alerts/{(await supervisor.Get("/api/alerts")).Items[0].GetProperty("id").GetInt64()}/ack", null)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Migrate_db_reports_a_broken_chain_and_refuses_a_target_that_has_data()
    {
        var sqlite = WorkflowHost.NewDatabase(TestDatabase.Sqlite);
        List<string> ids;
        await using (var before = new WorkflowHost(sqlite)) ids = await FillAsync(before);
        await TestDatabase.ScalarAsync(sqlite, "UPDATE history SET summary = '篡改' WHERE case_id = @id AND sequence = 1 RETURNING sequence", ("@id", ids[1]));

        var postgres = WorkflowHost.NewDatabase(TestDatabase.Postgres);
        var error = new StringWriter();
        (await DataVerbs.MigrateAsync(["--from", sqlite, "--to", postgres], new StringWriter(), error)).Should().Be(1);
        error.ToString().Should().Contain(ids[1]).And.Contain("历史链断裂");

        error = new StringWriter();
        (await DataVerbs.MigrateAsync(["--from", sqlite, "--to", postgres], new StringWriter(), error)).Should().Be(1);
        error.ToString().Should().Contain("不为空");
    }

    [Test]
    public async Task A_backup_taken_while_the_sqlite_service_runs_restores_to_a_working_database()
    {
        var db = WorkflowHost.NewDatabase(TestDatabase.Sqlite);
        var backup = Path.Combine(TestContext.CurrentContext.WorkDirectory, "db", $"{Guid.NewGuid():N}.backup");
        List<string> ids;
        await using (var host = new WorkflowHost(db))
        {
            ids = await FillAsync(host);
            var output = new StringWriter();
            (await DataVerbs.BackupAsync(["--out", backup, "--db", db], output, new StringWriter())).Should().Be(0);
            // Written after the backup: not in it.
            await (await host.LoginAsync("window")).StartLicensingCase();
        }

        var restored = WorkflowHost.NewDatabase(TestDatabase.Sqlite);
        var restoreOutput = new StringWriter();
        (await DataVerbs.RestoreAsync(["--from", backup, "--db", restored], restoreOutput, new StringWriter())).Should().Be(0);
        restoreOutput.ToString().Should().Contain("3 cases, 0 broken");
        (await DataVerbs.RestoreAsync(["--from", backup, "--db", restored], new StringWriter(), new StringWriter())).Should().Be(1, "an existing file is replaced only with --force");

        WorkflowHost.CopyChainKeys(db, restored); // the key file is kept apart from the database and put back with it
        await using var again = new WorkflowHost(restored, clockStart: "2026-03-07T09:00+08:00");
        await ShouldHoldAsync(again, ids);
        (await TestDatabase.ScalarAsync(restored, "SELECT COUNT(*) FROM cases")).Should().Be(3);
    }

    [Test]
    public async Task A_pg_dump_backup_restores_into_an_empty_postgres_database()
    {
        var db = WorkflowHost.NewDatabase(TestDatabase.Postgres);
        var backup = Path.Combine(TestContext.CurrentContext.WorkDirectory, "db", $"{Guid.NewGuid():N}.dump");
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        List<string> ids;
        await using (var host = new WorkflowHost(db))
        {
            ids = await FillAsync(host);
            var error = new StringWriter();
            (await DataVerbs.BackupAsync(["--out", backup, "--db-provider", "Postgres", "--db-connection", db], new StringWriter(), error)).Should().Be(0, error.ToString());
        }

        var restored = WorkflowHost.NewDatabase(TestDatabase.Postgres);
        var output = new StringWriter();
        var restoreError = new StringWriter();
        (await DataVerbs.RestoreAsync(["--from", backup, "--db-provider", "Postgres", "--db-connection", restored], output, restoreError)).Should().Be(0, restoreError.ToString());
        output.ToString().Should().Contain("3 cases, 0 broken");

        WorkflowHost.CopyChainKeys(db, restored); // the key file is kept apart from the database and put back with it
        await using var again = new WorkflowHost(restored, clockStart: "2026-03-07T09:00+08:00");
        await ShouldHoldAsync(again, ids);
        (await (await again.LoginAsync("window")).StartLicensingCase()).GetProperty("caseNo").GetString().Should().Be("2026-000004");
    }
}
