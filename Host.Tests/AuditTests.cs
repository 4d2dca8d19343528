using System.Net;
using System.Text.Json;
using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Server.Cli;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// Tamper evidence on a real database: the history chain, the case row's anchor (history count, last hash, state hash)
/// and its HMAC with a key held outside the database. Each way of tampering is made directly in the database, as an
/// intruder with write access (but not the key file) would, and must be reported by the API and the verify verb.
/// </summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public class AuditTests(string provider)
{
    [Test]
    public async Task Every_kind_of_tampering_is_reported_and_untouched_cases_verify()
    {
        var db = WorkflowHost.NewDatabase(provider);
        string untouched, lastRowDeleted, historyDeleted, stateEdited, rewritten;
        await using (var host = new WorkflowHost(db))
        {
            var window = await host.LoginAsync("window");
            (untouched, lastRowDeleted, historyDeleted, stateEdited, rewritten) =
                (await AcceptedCase(window), await AcceptedCase(window), await AcceptedCase(window), await AcceptedCase(window), await AcceptedCase(window));
            var supervisor = await host.LoginAsync("supervisor");
            var clean = await supervisor.Get("/api/audit/verify");
            clean.Status.Should().Be(HttpStatusCode.OK);
            clean.Body.GetProperty("checked").GetInt32().Should().Be(5);
            clean.Body.GetProperty("broken").GetInt32().Should().Be(0, clean.Body.ToString());
        }
        (await RunVerify(db)).Code.Should().Be(0, "an untouched database verifies");

        var count = await TestDatabase.ScalarAsync(db, "SELECT history_count FROM cases WHERE id = @id", ("@id", lastRowDeleted));
        count.Should().BeGreaterThan(2);
        await Exec(db, "DELETE FROM history WHERE case_id = @id AND sequence = @s", ("@id", lastRowDeleted), ("@s", count));
        await Exec(db, "DELETE FROM history WHERE case_id = @id", ("@id", historyDeleted));
        await Exec(db, "UPDATE cases SET state_json = REPLACE(state_json, '康宁妇产医院', '另一家医院') WHERE id = @id", ("@id", stateEdited));
        await RewriteHistoryAsync(db, rewritten);

        await using (var host = new WorkflowHost(db))
        {
            // Work goes on on the edited case, but the write does not sign the edit over.
            var reviewer = await host.LoginAsync("reviewer");
            var edited = (await reviewer.Get($"/api/cases/{stateEdited}")).Body;
            var passed = await reviewer.Post($"/api/cases/{stateEdited}/tasks/{edited.Task("review")}/actions/pass", new { opinion = "同意" });
            passed.Status.Should().Be(HttpStatusCode.OK, passed.Body.ToString());

            var supervisor = await host.LoginAsync("supervisor");
            var report = await supervisor.Get("/api/audit/verify");
            report.Status.Should().Be(HttpStatusCode.OK);
            report.Body.GetProperty("checked").GetInt32().Should().Be(5);
            var broken = report.Body.GetProperty("brokenCases").EnumerateArray()
                .ToDictionary(c => c.GetProperty("caseId").GetString()!, c => c.GetProperty("reason").GetString()!);
            broken.Keys.Should().BeEquivalentTo([lastRowDeleted, historyDeleted, stateEdited, rewritten]);
            broken[lastRowDeleted].Should().Contain("历史记录被删除");
            broken[historyDeleted].Should().Contain("实有 0 条");
            broken[stateEdited].Should().Contain("当前数据");
            broken[rewritten].Should().Contain("签名不符", "the rewritten chain links, so only the keyed anchor shows it");

            var one = await supervisor.Get($"/api/cases/{rewritten}/history/verify");
            one.Body.GetProperty("valid").GetBoolean().Should().BeFalse();
            (await supervisor.Get($"/api/cases/{untouched}/history/verify")).Body.GetProperty("valid").GetBoolean().Should().BeTrue();
            host.Log.Entries.Should().NotContain(e => e.Message.StartsWith("Anchored"), "tampered cases are never re-anchored on start");
        }

        var (code, output) = await RunVerify(db);
        code.Should().Be(1);
        foreach (var id in new[] { lastRowDeleted, historyDeleted, stateEdited, rewritten })
            output.Should().Contain($"（{id}）校验失败");
        output.Should().NotContain(untouched).And.Contain("共 5 个案件，4 个异常");
    }

    [Test]
    public async Task A_case_edited_while_the_service_runs_is_not_signed_over_by_the_next_command()
    {
        var db = WorkflowHost.NewDatabase(provider);
        await using var host = new WorkflowHost(db);
        var window = await host.LoginAsync("window");
        var reviewer = await host.LoginAsync("reviewer");
        // The service wrote the case last, so it works the next command out from the row it remembers.
        var id = await AcceptedCase(window);
        var review = (await reviewer.Get($"/api/cases/{id}")).Body.Task("review");
        await Exec(db, "UPDATE cases SET state_json = REPLACE(state_json, '康宁妇产医院', '另一家医院') WHERE id = @id", ("@id", id));

        var passed = await reviewer.Post($"/api/cases/{id}/tasks/{review}/actions/pass", new { opinion = "同意" });

        passed.Status.Should().Be(HttpStatusCode.OK, passed.Body.ToString());
        passed.Body.GetProperty("data").GetProperty("applicant").GetString().Should().Be("另一家医院", "the command was worked out on the row as it is now");
        var report = (await (await host.LoginAsync("supervisor")).Get("/api/audit/verify")).Body;
        report.GetProperty("brokenCases").EnumerateArray().Should().ContainSingle()
            .Which.GetProperty("reason").GetString().Should().Contain("当前数据", "the edit is not signed over");
    }

    [Test]
    public async Task Cases_written_before_anchors_are_anchored_on_start_and_rotation_keeps_every_case_valid()
    {
        var db = WorkflowHost.NewDatabase(provider);
        string first, second;
        await using (var host = new WorkflowHost(db))
        {
            var window = await host.LoginAsync("window");
            (first, second) = (await AcceptedCase(window), await AcceptedCase(window));
        }
        // As a database of schema version 5 left them: no anchor.
        await Exec(db, "UPDATE cases SET state_hash = NULL, anchor_key_id = NULL, anchor_mac = NULL");
        var oldKey = File.ReadAllLines(WorkflowHost.KeyFileOf(db)).Last().Split(' ')[0];
        await using (var host = new WorkflowHost(db))
        {
            var report = await (await host.LoginAsync("admin")).Get("/api/audit/verify");
            host.Log.Entries.Should().Contain(e => e.Message == $"Anchored 2 cases written before keyed anchors with chain key {oldKey}");
            report.Body.GetProperty("broken").GetInt32().Should().Be(0, report.Body.ToString());
        }
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(WorkflowHost.KeyFileOf(db)).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // The second case is tampered with before the rotation: rotation must not seal that in.
        await Exec(db, "DELETE FROM history WHERE case_id = @id AND sequence = 1", ("@id", second));
        var output = new StringWriter();
        var code = await AuditVerbs.RotateKeyAsync(DatabaseArgs(db), output, new StringWriter());
        code.Should().Be(1, output.ToString());
        output.ToString().Should().Contain("已用新密钥重新锚定 1 个案件，1 个未通过校验");
        var keys = File.ReadAllLines(WorkflowHost.KeyFileOf(db)).Where(l => !l.StartsWith('#')).Select(l => l.Split(' ')[0]).ToList();
        keys.Should().HaveCount(2).And.StartWith(oldKey);
        (await TestDatabase.ScalarAsync(db, "SELECT COUNT(*) FROM cases WHERE anchor_key_id = @k AND id = @id", ("@k", keys[1]), ("@id", first))).Should().Be(1);
        (await TestDatabase.ScalarAsync(db, "SELECT COUNT(*) FROM cases WHERE anchor_key_id = @k AND id = @id", ("@k", oldKey), ("@id", second))).Should().Be(1);

        await using (var host = new WorkflowHost(db))
        {
            var window = await host.LoginAsync("window");
            var third = await AcceptedCase(window);
            (await TestDatabase.ScalarAsync(db, "SELECT COUNT(*) FROM cases WHERE anchor_key_id = @k AND id = @id", ("@k", keys[1]), ("@id", third)))
                .Should().Be(1, "new writes use the new current key");
            var report = await (await host.LoginAsync("supervisor")).Get("/api/audit/verify");
            report.Body.GetProperty("checked").GetInt32().Should().Be(3);
            report.Body.GetProperty("brokenCases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()).Should().Equal(second);
        }
    }

    [Test]
    public async Task Only_supervisors_and_administrators_run_the_whole_check()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase(provider));
        (await host.CreateClient().Get("/api/audit/verify")).Status.Should().Be(HttpStatusCode.Unauthorized);
        foreach (var user in new[] { "window", "director", "owner" })
            (await (await host.LoginAsync(user)).Get("/api/audit/verify")).Status.Should().Be(HttpStatusCode.Forbidden, user);
        var bad = await (await host.LoginAsync("supervisor")).Get("/api/audit/verify?limit=0");
        bad.Status.Should().Be(HttpStatusCode.BadRequest);
        bad.Detail.Should().Contain("limit");
    }

    [Test]
    public async Task A_chain_key_file_others_may_read_is_named_in_a_warning_at_start()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("Unix file modes only.");
        var db = WorkflowHost.NewDatabase(provider);
        await using (var host = new WorkflowHost(db))
        {
            await host.LoginAsync("admin");
            host.Log.Entries.Should().NotContain(e => e.Message.StartsWith("The chain key file"), "a key file made by the service is its owner's only");
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(WorkflowHost.KeyFileOf(db), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using (var host = new WorkflowHost(db))
        {
            await host.LoginAsync("admin");
            host.Log.Entries.Should().Contain(e => e.Message.StartsWith($"The chain key file {WorkflowHost.KeyFileOf(db)} is open to other users"));
        }
    }

    private static async Task<string> AcceptedCase(HttpClient window)
    {
        var view = await window.StartLicensingCase();
        var accepted = await window.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } });
        accepted.Status.Should().Be(HttpStatusCode.OK, accepted.Body.ToString());
        return view.Id();
    }

    private string[] DatabaseArgs(string db) => TestDatabase.IsPostgres(db)
        ? ["--db-provider", "Postgres", "--db-connection", db, "--chain-key-file", WorkflowHost.KeyFileOf(db)]
        : ["--db", db, "--chain-key-file", WorkflowHost.KeyFileOf(db)];

    private async Task<(int Code, string Output)> RunVerify(string db)
    {
        var output = new StringWriter();
        var code = await AuditVerbs.VerifyAsync(DatabaseArgs(db), output, new StringWriter());
        return (code, output.ToString());
    }

    /// <summary>Changes the opinion of the second entry and recomputes every hash after it and the row's last hash: the chain links again, but without the key the anchor cannot follow.</summary>
    private static async Task RewriteHistoryAsync(string db, string caseId)
    {
        var records = new List<HistoryRecord>();
        await using (var connection = TestDatabase.Connect(db))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT case_id, sequence, type, at, actor_id, actor_name, task_id, step_id, action_id, opinion, data_json, summary, previous_hash, hash " +
                                  $"FROM history WHERE case_id = '{caseId}' ORDER BY sequence";
            await using var r = await command.ExecuteReaderAsync();
            while (await r.ReadAsync())
                records.Add(new HistoryRecord(r.GetString(0), r.GetInt64(1), r.GetString(2), new DateTimeOffset(r.GetInt64(3), TimeSpan.Zero),
                    r.GetString(4), r.GetString(5), Text(r, 6), Text(r, 7), Text(r, 8), Text(r, 9), r.GetString(10), r.GetString(11), r.GetString(12), r.GetString(13)));
        }
        records.Should().HaveCountGreaterThan(2);
        var previous = records[0].Hash;
        for (var i = 1; i < records.Count; i++)
        {
            var changed = records[i] with { PreviousHash = previous, Summary = i == 1 ? "材料不全，不予受理" : records[i].Summary };
            changed = changed with { Hash = HistoryChain.ComputeHash(changed) };
            await Exec(db, "UPDATE history SET summary = @sum, previous_hash = @p, hash = @h WHERE case_id = @id AND sequence = @s",
                ("@sum", changed.Summary), ("@p", changed.PreviousHash), ("@h", changed.Hash), ("@id", caseId), ("@s", changed.Sequence));
            previous = changed.Hash;
        }
        await Exec(db, "UPDATE cases SET last_hash = @h WHERE id = @id", ("@h", previous), ("@id", caseId));
        HistoryChain.Verify(records).Valid.Should().BeTrue("the original chain was valid");
    }

    private static string? Text(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static async Task Exec(string db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = TestDatabase.Connect(db);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        await command.ExecuteNonQueryAsync();
    }
}
