using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>What supervisors read: the on-time rate and the open deadlines by level, as the core counts them.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public class SupervisionTests(string provider)
{
    [Test]
    public async Task A_case_whose_step_went_red_is_not_on_time_although_the_case_limits_held()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(provider));
        var clerk = await host.LoginAsync("window");
        var reviewer = await host.LoginAsync("reviewer");
        var deputy = await host.LoginAsync("deputy");
        var director = await host.LoginAsync("director");
        var supervisor = await host.LoginAsync("supervisor");

        var view = await clerk.StartLicensingCase();
        var step = (await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } })).Body;
        await supervisor.Post("/api/clock/advance", new { duration = "P5D" });

        var overdue = (await supervisor.Get("/api/deadlines?level=red")).Items.EnumerateArray().ToList();
        overdue.Should().ContainSingle(d => d.GetProperty("caseId").GetString() == view.Id()).Which.GetProperty("stepName").GetString().Should().Be("审核");
        (await supervisor.Get("/api/deadlines?level=purple")).Status.Should().Be(System.Net.HttpStatusCode.BadRequest);

        step = (await reviewer.Post($"/api/cases/{view.Id()}/tasks/{step.Task("review")}/actions/pass", new { opinion = "符合条件" })).Body;
        step = (await deputy.Post($"/api/cases/{view.Id()}/tasks/{step.Task("approve-deputy")}/actions/agree", new { opinion = "同意" })).Body;
        step = (await director.Post($"/api/cases/{view.Id()}/tasks/{step.Task("approve-director")}/actions/grant", new { opinion = "准予许可" })).Body;
        step = (await clerk.Post($"/api/cases/{view.Id()}/tasks/{step.Task("issue")}/actions/deliver",
            new { data = new { certificateNo = "湘卫母婴字〔2026〕001号", deliveryMethod = "窗口领取" } })).Body;
        step = (await clerk.Post($"/api/cases/{view.Id()}/tasks/{step.Task("publish-decision")}/actions/published",
            new { data = new { publicationRef = "市卫生健康委网站 2026-03-09" } })).Body;
        step.GetProperty("status").GetString().Should().Be("closed");

        var stats = (await supervisor.Get("/api/stats/on-time")).Body.EnumerateArray()
            .Single(s => s.GetProperty("definitionId").GetString() == "licensing-approval");
        stats.GetProperty("closed").GetInt32().Should().Be(1);
        stats.GetProperty("onTime").GetInt32().Should().Be(0, "the 审核 step ran over its own 3 working days");
    }

    [Test]
    public async Task A_step_finished_after_its_limit_counts_as_late_even_when_no_red_card_was_raised_for_it()
    {
        var db = WorkflowHost.NewDatabase(provider);
        await using var host = new WorkflowHost(db);
        var clerk = await host.LoginAsync("window");
        var supervisor = await host.LoginAsync("supervisor");

        var late = await clerk.StartLicensingCase();
        var step = (await clerk.Post($"/api/cases/{late.Id()}/tasks/{late.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } })).Body;
        // The wake-up comes late (a node down, a sweep not run yet): the review step runs out and nobody raises its card before it is done.
        await TestDatabase.ScalarAsync(db, "UPDATE cases SET next_timer_at = NULL WHERE id = @id", ("@id", late.Id()));
        await supervisor.Post("/api/clock/advance", new { duration = "P5D" });
        await CloseAsync(host, late.Id(), step);
        (await TestDatabase.ScalarAsync(db, "SELECT COUNT(*) FROM alerts WHERE case_id = @id AND level = 'red'", ("@id", late.Id())))
            .Should().Be(0, "no red card was raised: only the rule on the limits themselves can tell");

        var onTime = await clerk.StartLicensingCase();
        step = (await clerk.Post($"/api/cases/{onTime.Id()}/tasks/{onTime.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } })).Body;
        await CloseAsync(host, onTime.Id(), step);

        var stats = (await supervisor.Get("/api/stats/on-time")).Body.EnumerateArray()
            .Single(s => s.GetProperty("definitionId").GetString() == "licensing-approval");
        stats.GetProperty("closed").GetInt32().Should().Be(2);
        stats.GetProperty("onTime").GetInt32().Should().Be(1, "the case whose 审核 ran over is late; the one done in time is on time");
    }

    [Test]
    public async Task Monthly_counts_are_kept_as_cases_close_and_rebuilt_from_the_cases_by_the_upgrade_that_adds_them()
    {
        var db = WorkflowHost.NewDatabase(provider);
        string expected;
        await using (var host = new WorkflowHost(db))
        {
            var clerk = await host.LoginAsync("window");
            var supervisor = await host.LoginAsync("supervisor");
            var late = await clerk.StartLicensingCase();
            var step = (await clerk.Post($"/api/cases/{late.Id()}/tasks/{late.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } })).Body;
            await supervisor.Post("/api/clock/advance", new { duration = "P5D" });
            await CloseAsync(host, late.Id(), step);
            await clerk.StartLicensingCase();
            (await TestDatabase.ScalarAsync(db, "SELECT SUM(closed) FROM on_time_months")).Should().Be(1, "only the closed case is counted");
            (await TestDatabase.ScalarAsync(db, "SELECT SUM(late) FROM on_time_months")).Should().Be(1);
            expected = (await supervisor.Get("/api/stats/on-time")).Body.GetRawText();
        }
        // As a database from before the counts existed: the upgrade fills them from the closed cases.
        await TestDatabase.ScalarAsync(db, "DROP TABLE on_time_months");
        await TestDatabase.ScalarAsync(db, "DELETE FROM schema_version WHERE version = 13");
        await using (var host = new WorkflowHost(db))
        {
            var supervisor = await host.LoginAsync("supervisor");
            (await supervisor.Get("/api/stats/on-time")).Body.GetRawText().Should().Be(expected);
            (await TestDatabase.ScalarAsync(db, "SELECT COUNT(*) FROM on_time_months")).Should().Be(1);
        }
    }

    private static async Task CloseAsync(WorkflowHost host, string caseId, System.Text.Json.JsonElement step)
    {
        var clerk = await host.LoginAsync("window");
        var reviewer = await host.LoginAsync("reviewer");
        var deputy = await host.LoginAsync("deputy");
        var director = await host.LoginAsync("director");
        step = (await reviewer.Post($"/api/cases/{caseId}/tasks/{step.Task("review")}/actions/pass", new { opinion = "符合条件" })).Body;
        step = (await deputy.Post($"/api/cases/{caseId}/tasks/{step.Task("approve-deputy")}/actions/agree", new { opinion = "同意" })).Body;
        step = (await director.Post($"/api/cases/{caseId}/tasks/{step.Task("approve-director")}/actions/grant", new { opinion = "准予许可" })).Body;
        step = (await clerk.Post($"/api/cases/{caseId}/tasks/{step.Task("issue")}/actions/deliver",
            new { data = new { certificateNo = "湘卫母婴字〔2026〕001号", deliveryMethod = "窗口领取" } })).Body;
        step = (await clerk.Post($"/api/cases/{caseId}/tasks/{step.Task("publish-decision")}/actions/published",
            new { data = new { publicationRef = "市卫生健康委网站 2026-03-09" } })).Body;
        step.GetProperty("status").GetString().Should().Be("closed");
    }
}
