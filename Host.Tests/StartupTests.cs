using System.Net;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Server.Configuration;

namespace WorkflowEngine.Host.Tests;

public class StartupTests
{
    [Test]
    public async Task An_invalid_definition_file_is_skipped_and_the_service_still_starts_with_the_others()
    {
        var source = RepositoryPaths.Definitions(new WorkflowOptions());
        var copy = Path.Combine(TestContext.CurrentContext.WorkDirectory, "definitions-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(Path.Combine(copy, "flows"));
        Directory.CreateDirectory(Path.Combine(copy, "calendars"));
        File.Copy(Path.Combine(source, "roles.json"), Path.Combine(copy, "roles.json"));
        foreach (var file in Directory.GetFiles(Path.Combine(source, "calendars"))) File.Copy(file, Path.Combine(copy, "calendars", Path.GetFileName(file)));
        File.Copy(Path.Combine(source, "flows", "licensing-approval.json"), Path.Combine(copy, "flows", "licensing-approval.json"));
        File.WriteAllText(Path.Combine(copy, "flows", "large-fund-use.json"),
            File.ReadAllText(Path.Combine(source, "flows", "large-fund-use.json")).Replace("\"start\": \"report\"", "\"start\": \"nowhere\""));

        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(), settings: new Dictionary<string, string> { ["Paths:Definitions"] = copy });
        var client = await host.LoginAsync("window");

        var ids = (await client.Get("/api/definitions")).Body.EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        ids.Should().Equal("licensing-approval");
        (await client.Get("/api/definitions/large-fund-use")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_restart_with_unchanged_definition_files_stores_no_new_versions()
    {
        var db = WorkflowHost.NewDatabase();
        await using (var first = new WorkflowHost(db))
            (await (await first.LoginAsync("owner")).Get("/api/definitions/licensing-approval/versions")).Body.GetArrayLength().Should().Be(1);
        await using var second = new WorkflowHost(db);
        (await (await second.LoginAsync("owner")).Get("/api/definitions/licensing-approval/versions")).Body.GetArrayLength().Should().Be(1);
    }

    [Test]
    public async Task The_durability_setting_is_read_in_any_case_and_an_unknown_one_stops_the_start()
    {
        await using (var normal = new WorkflowHost(WorkflowHost.NewDatabase(), settings: new Dictionary<string, string> { ["Database:Synchronous"] = "normal" }))
            (await (await normal.LoginAsync("window")).StartLicensingCase()).GetProperty("caseNo").GetString().Should().Be("2026-000001");

        await using var unknown = new WorkflowHost(WorkflowHost.NewDatabase(), settings: new Dictionary<string, string> { ["Database:Synchronous"] = "sometimes" });
        var start = () => unknown.LoginAsync("window");
        (await start.Should().ThrowAsync<ArgumentException>()).WithMessage("Database:Synchronous 须为 FULL、NORMAL、EXTRA 或 OFF，实际为“sometimes”。");
    }
}
