using System.Net;
using System.Text;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Server.Notifications;
using WorkflowEngine.Testing;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// Outbound notifications through the outbox, against a real SMTP server and a real HTTP receiver on loopback, with the
/// service as its own process so that it can be killed between the commit and the delivery.
/// </summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public class NotificationDeliveryTests(string provider)
{
    private const string Secret = "s3cret-for-tests";

    [Test]
    public async Task A_node_killed_before_delivery_delivers_every_notification_exactly_once_after_its_restart()
    {
        var db = WorkflowHost.NewDatabase(provider);
        await using var smtp = new SmtpTestServer { Stall = true };
        var hookPort = Ports.Free();
        string caseId;

        await using (var first = await NodeProcess.StartAsync(db, Settings(smtp.Port, hookPort)))
        {
            var admin = await first.LoginAsync("admin");
            (await admin.Put("/api/admin/users/reviewer", new { email = "zhaoqiang@wsjkw.example.gov.cn" })).Status.Should().Be(HttpStatusCode.OK);
            var clerk = await first.LoginAsync("window");
            var view = await clerk.StartLicensingCase();
            caseId = view.Id();
            (await clerk.Post($"/api/cases/{caseId}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } }))
                .Status.Should().Be(HttpStatusCode.OK);
            (await Pending(db)).Should().BeGreaterThan(0, "the notifications were committed with the actions");
            await Until(() => smtp.Connections > 0, "the node tries the stalled mail server");
            first.Kill();
        }
        var written = await Count(db, "SELECT COUNT(*) FROM notifications");
        var mails = await Count(db, "SELECT COUNT(*) FROM notifications WHERE channel = 'email'");
        mails.Should().Be(1, "only the reviewer has an address: one mail for the review task");
        (await Pending(db)).Should().Be(written, "nothing was delivered before the kill");

        smtp.Stall = false;
        await using var hook = new WebhookReceiver(hookPort).Start();
        await using (var second = await NodeProcess.StartAsync(db, Settings(smtp.Port, hookPort)))
        {
            await Until(async () => await Pending(db) == 0, "the restarted node delivers everything");
            await Task.Delay(1500);
        }

        smtp.Messages.Should().HaveCount(1);
        var mail = smtp.Messages[0];
        mail.To.Should().ContainSingle().Which.Should().Contain("zhaoqiang@wsjkw.example.gov.cn");
        var mailId = mail.Header("X-Workflow-Notification");
        mail.Header("Message-ID").Should().Be($"<{mailId}@wsjkw.example.gov.cn>");

        hook.Calls.Should().HaveCount((int)(written - mails), "each webhook notification arrives once");
        hook.Calls.Select(c => c.Headers["Idempotency-Key"]).Should().OnlyHaveUniqueItems();
        foreach (var call in hook.Calls)
        {
            WebhookSignature.Verify(call.Body, Secret, call.Headers["X-Workflow-Signature"]).Should().BeTrue();
            WebhookSignature.Verify(call.Body, "another secret", call.Headers["X-Workflow-Signature"]).Should().BeFalse();
            var body = JsonDocument.Parse(call.Body).RootElement;
            body.GetProperty("id").GetString().Should().Be(call.Headers["Idempotency-Key"]);
            body.GetProperty("caseId").GetString().Should().Be(caseId);
            call.Headers.Should().ContainKey("X-Workflow-Timestamp");
        }
        hook.Calls.Select(c => JsonDocument.Parse(c.Body).RootElement).Should().Contain(b =>
            b.GetProperty("kind").GetString() == "task-arrived" && b.GetProperty("stepName").GetString() == "审核"
            && b.GetProperty("user").GetProperty("id").GetString() == "reviewer");
    }

    [Test]
    public async Task A_failed_delivery_is_retried_with_back_off_until_it_goes_through_once()
    {
        var db = WorkflowHost.NewDatabase(provider);
        await using var smtp = new SmtpTestServer();
        smtp.RefuseNext(2);
        var hookPort = Ports.Free();
        await using var hook = new WebhookReceiver(hookPort).Start();
        hook.FailNext(2);

        await using var node = await NodeProcess.StartAsync(db, Settings(smtp.Port, hookPort, webhook: false));
        var admin = await node.LoginAsync("admin");
        await admin.Put("/api/admin/users/window", new { email = "wangfang@wsjkw.example.gov.cn" });
        await node.LoginAsync("window").ContinueWith(t => t.Result.StartLicensingCase()).Unwrap();

        await Until(async () => await Pending(db) == 0, "the mail goes through after two refusals");
        smtp.Messages.Should().ContainSingle().Which.To.Should().ContainSingle().Which.Should().Contain("wangfang@");
        (await Count(db, "SELECT MAX(attempts) FROM notifications")).Should().Be(3);
        (await Count(db, "SELECT COUNT(*) FROM notifications WHERE delivered_at IS NOT NULL")).Should().Be(1);
        hook.Calls.Should().BeEmpty("the webhook channel is off");
    }

    [Test]
    public async Task A_webhook_answering_500_is_retried_and_delivered_once()
    {
        var db = WorkflowHost.NewDatabase(provider);
        var hookPort = Ports.Free();
        await using var hook = new WebhookReceiver(hookPort).Start();
        hook.FailNext(2);

        await using var node = await NodeProcess.StartAsync(db, Settings(0, hookPort, smtp: false));
        var clerk = await node.LoginAsync("window");
        await clerk.StartLicensingCase();

        await Until(async () => await Pending(db) == 0, "the webhook goes through after two 500s");
        hook.Failed.Should().Be(2);
        var holders = await Count(db, "SELECT COUNT(*) FROM notifications");
        holders.Should().Be(2, "the intake task is told to both holders of the window post");
        hook.Calls.Should().HaveCount(2);
        hook.Calls.Select(c => c.Headers["Idempotency-Key"]).Should().OnlyHaveUniqueItems();
        hook.Calls.Should().OnlyContain(c => WebhookSignature.Verify(c.Body, Secret, c.Headers["X-Workflow-Signature"]));
    }

    private static string[] Settings(int smtpPort, int hookPort, bool smtp = true, bool webhook = true)
    {
        var settings = new List<string>
        {
            "--Notifications:RetrySeconds=0.5", "--Notifications:PollSeconds=0.5", "--Notifications:LeaseSeconds=4",
            "--Notifications:SendTimeoutSeconds=2", "--Notifications:MaxAttempts=20",
        };
        if (smtp)
            settings.AddRange(["--Notifications:Smtp:Host=127.0.0.1", $"--Notifications:Smtp:Port={smtpPort}",
                "--Notifications:Smtp:From=workflow@wsjkw.example.gov.cn", "--Notifications:Smtp:Security=None"]);
        if (webhook)
            settings.AddRange([$"--Notifications:Webhook:Url=http://127.0.0.1:{hookPort}/hook", $"--Notifications:Webhook:Secret={Secret}"]);
        return settings.ToArray();
    }

    private static Task<long> Pending(string db) => Count(db, "SELECT COUNT(*) FROM notifications WHERE delivered_at IS NULL");

    private static Task<long> Count(string db, string sql) => TestDatabase.ScalarAsync(db, sql);

    private static Task Until(Func<bool> condition, string what) => Until(() => Task.FromResult(condition()), what);

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {what}.");
            await Task.Delay(200);
        }
    }
}
