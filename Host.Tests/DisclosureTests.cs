using System.Net;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// What a viewer in scope may read: a confidential field (举报人) only with the post it names or as a supervisor, everywhere the
/// API shows case data; the named ballots of a recorded vote only as a member of the meeting or a supervisor; and an anonymous
/// ballot is stored with no name at all.
/// </summary>
public class DisclosureTests
{
    private const string Informant = "王举报";

    [Test]
    public async Task A_confidential_field_is_redacted_for_viewers_in_scope_without_its_post_in_detail_history_lists_and_search()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var id = await StartMeetingAsync(host, "recorded");
        var deputy = await host.LoginAsync("deputy");          // a member of the meeting now open: in scope, not 人事科
        var admin = await host.LoginAsync("admin");            // sees every case, but is no supervisor
        var personnel = await host.LoginAsync("personnel");    // holds the post the field names
        var supervisor = await host.LoginAsync("supervisor");  // 纪检: always reads it

        foreach (var (name, client, sees) in new[] { ("deputy", deputy, false), ("admin", admin, false), ("personnel", personnel, true), ("supervisor", supervisor, true) })
        {
            var view = await client.Get($"/api/cases/{id}");
            view.Status.Should().Be(HttpStatusCode.OK, name);
            view.Body.GetProperty("data").GetProperty("informant").GetString().Should().Be(sees ? Informant : "已隐去", name);
            view.Body.GetProperty("data").GetProperty("item").GetString().Should().Be("采购电脑", name);
            view.Body.GetProperty("hiddenFields").EnumerateArray().Select(f => f.GetString()).Should().Equal(sees ? [] : ["informant"], name);
            view.Body.GetProperty("title").GetString().Should().NotContain(Informant, "a title is shown in lists to everyone in scope");
            var document = view.Body.GetProperty("outlook").GetProperty("documents").EnumerateArray().Single().GetProperty("document");
            document.GetProperty("data").GetProperty("informant").GetString().Should().Be(sees ? Informant : "已隐去", $"{name} reads the document's data");

            var history = await client.Get($"/api/cases/{id}/history");
            history.Status.Should().Be(HttpStatusCode.OK, name);
            history.Body.ToString().Contains(Informant).Should().Be(sees, $"{name} reads the informant in the history only with the post");
            if (!sees) history.Body.EnumerateArray().First().GetProperty("data").GetProperty("informant").GetString().Should().Be("已隐去");

            (await client.Get($"/api/cases?q={Uri.EscapeDataString(Informant)}")).Items.GetArrayLength().Should().Be(0, $"{name}: search never matches a confidential value");
            (await client.Get($"/api/cases?q={Uri.EscapeDataString("采购电脑")}")).Items.EnumerateArray().Select(c => c.GetProperty("id").GetString())
                .Should().Contain(id, name);
        }
        (await deputy.Get("/api/tasks")).Body.ToString().Should().NotContain(Informant, "the work list shows the title only");
    }

    [Test]
    public async Task Named_ballots_are_read_only_by_the_meetings_members_and_supervisors()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var id = await StartMeetingAsync(host, "recorded");
        await VoteAsync(host, id, ("deputy", "for", "同意采购"), ("deputy2", "against", "预算不足"), ("discipline-head", "for", null), ("party-member", "for", null));

        var personnel = await host.LoginAsync("personnel");   // started the case: in scope, not a member
        var admin = await host.LoginAsync("admin");
        var member = await host.LoginAsync("deputy2");
        var supervisor = await host.LoginAsync("supervisor");
        foreach (var (name, client, sees) in new[] { ("personnel", personnel, false), ("admin", admin, false), ("deputy2", member, true), ("supervisor", supervisor, true) })
        {
            var vote = (await client.Get($"/api/cases/{id}")).Body.Tasks().Single().GetProperty("vote");
            vote.GetProperty("cast").GetInt32().Should().Be(4, $"{name} sees how many have voted");
            var choices = vote.GetProperty("members").EnumerateArray().Where(m => m.GetProperty("voted").GetBoolean())
                .Select(m => m.GetProperty("choice").ValueKind == JsonValueKind.Null ? null : m.GetProperty("choice").GetString()).ToList();
            choices.Should().HaveCount(4);
            if (sees) choices.Should().BeEquivalentTo(["for", "against", "for", "for"], name);
            else choices.Should().OnlyContain(c => c == null, name);
        }

        var director = await host.LoginAsync("director");
        var closed = await director.Post($"/api/cases/{id}/tasks/{await VoteTaskAsync(director, id)}/vote/close", null);
        closed.Status.Should().Be(HttpStatusCode.OK, closed.Body.ToString());

        foreach (var (name, client, sees) in new[] { ("personnel", personnel, false), ("admin", admin, false), ("deputy2", member, true), ("supervisor", supervisor, true) })
        {
            var history = (await client.Get($"/api/cases/{id}/history")).Body.EnumerateArray().ToList();
            var casts = history.Where(h => h.GetProperty("type").GetString() == "vote-cast").ToList();
            casts.Should().HaveCount(4);
            casts.Any(h => h.GetProperty("data").TryGetProperty("choice", out _)).Should().Be(sees, name);
            casts.Any(h => h.GetProperty("summary").GetString()!.Contains("不同意")).Should().Be(sees, name);
            history.Any(h => h.GetProperty("opinion").ValueKind == JsonValueKind.String && h.GetProperty("opinion").GetString() == "预算不足").Should().Be(sees, name);
            var result = history.Single(h => h.GetProperty("type").GetString() == "vote-closed").GetProperty("data");
            result.TryGetProperty("ballots", out _).Should().Be(sees, name);
            result.GetProperty("for").GetInt32().Should().Be(3, $"{name} sees the tally");
            result.GetProperty("result").GetString().Should().Be("passed", $"{name} sees the outcome");
        }
    }

    [Test]
    public async Task An_anonymous_ballot_is_stored_nowhere_with_a_name()
    {
        var db = WorkflowHost.NewDatabase();
        string id;
        await using (var host = new WorkflowHost(db))
        {
            id = await StartMeetingAsync(host, "anonymous");
            await VoteAsync(host, id, ("deputy", "for", null), ("deputy2", "against", null), ("discipline-head", "abstain", null), ("party-member", "for", null));
            var director = await host.LoginAsync("director");
            (await director.Post($"/api/cases/{id}/tasks/{await VoteTaskAsync(director, id)}/vote/close", null)).Status.Should().Be(HttpStatusCode.OK);
            host.Log.Entries.Should().NotContain(e => e.Message.Contains("against") || e.Message.Contains("不同意"));
        }

        var rows = await RawRowsAsync(db, "SELECT type, summary, opinion, data_json FROM history WHERE case_id = @id ORDER BY sequence", id);
        var casts = rows.Where(r => r[0] == "vote-cast").ToList();
        casts.Should().HaveCount(4);
        foreach (var cast in casts)
        {
            cast[1].Should().EndWith("已投票（无记名）").And.NotContainAny("同意", "不同意", "弃权");
            cast[2].Should().BeNull();
            cast[3].Should().Be("{}");
        }
        var closing = rows.Single(r => r[0] == "vote-closed");
        closing[3].Should().NotContain("ballots").And.Contain("\"against\":1");
        var state = (await RawRowsAsync(db, "SELECT state_json FROM cases WHERE id = @id", id)).Single()[0]!;
        foreach (var choice in new[] { "\"for\"", "\"against\"", "\"abstain\"" })
            state.Should().NotContain(choice, "the state keeps the tally as numbers and no ballot by member");
        (await RawRowsAsync(db, "SELECT message FROM risk_events WHERE case_id = @id", id)).Should().NotContain(r => r[0]!.Contains("不同意"));
    }

    [Test]
    public async Task A_confidential_field_naming_an_unknown_post_is_a_definition_error()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var owner = await host.LoginAsync("owner");
        var reply = await owner.PostText("/api/definitions/validate", Flow("recorded", "bad-demo").Replace("\"visibleTo\": [\"personnel-section\"]", "\"visibleTo\": [\"no-such-post\"]"));
        reply.Body.ToString().Should().Contain("保密字段“informant”").And.Contain("no-such-post").And.Contain("未在“roles”中定义");
    }

    /// <summary>Publishes the meeting flow, starts a case as 人事科 with an informant and submits it to the 党组会 (members: the 党组成员).</summary>
    private static async Task<string> StartMeetingAsync(WorkflowHost host, string ballot)
    {
        var owner = await host.LoginAsync("owner");
        var flowId = $"{ballot}-meeting";
        (await owner.PostText("/api/definitions", Flow(ballot, flowId))).Status.Should().Be(HttpStatusCode.Created);
        (await owner.Post($"/api/definitions/{flowId}/versions/1/publish", null)).Status.Should().Be(HttpStatusCode.OK);
        var personnel = await host.LoginAsync("personnel");
        var started = await personnel.Post("/api/cases", new { definitionId = flowId, data = new { item = "采购电脑", informant = Informant } });
        started.Status.Should().Be(HttpStatusCode.Created, started.Body.ToString());
        var id = started.Body.Id();
        var submitted = await personnel.Post($"/api/cases/{id}/tasks/{started.Body.Task("propose")}/actions/submit", new { data = new { informant = Informant } });
        submitted.Status.Should().Be(HttpStatusCode.OK, submitted.Body.ToString());
        return id;
    }

    private static async Task VoteAsync(WorkflowHost host, string id, params (string User, string Choice, string? Opinion)[] ballots)
    {
        foreach (var (user, choice, opinion) in ballots)
        {
            var member = await host.LoginAsync(user);
            var task = await VoteTaskAsync(member, id);
            (await member.Post($"/api/cases/{id}/tasks/{task}/vote/attend", new { })).Status.Should().Be(HttpStatusCode.OK, user);
            var cast = await member.Post($"/api/cases/{id}/tasks/{task}/vote/cast", new { choice, opinion });
            cast.Status.Should().Be(HttpStatusCode.OK, cast.Body.ToString());
        }
    }

    private static async Task<string> VoteTaskAsync(HttpClient client, string id) => (await client.Get($"/api/cases/{id}")).Body.Task("meeting");

    private static async Task<List<string?[]>> RawRowsAsync(string db, string sql, string id)
    {
        await using var connection = TestDatabase.Connect(db);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var p = command.CreateParameter();
        p.ParameterName = "@id";
        p.Value = id;
        command.Parameters.Add(p);
        var rows = new List<string?[]>();
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        return rows;
    }

    private static string Flow(string ballot, string id) => $$"""
        {
          "id": "{{id}}", "version": 1, "name": "党组会研究（{{ballot}}）", "category": "测试",
          "roles": [
            { "id": "personnel-section", "name": "人事科" },
            { "id": "party-group-member", "name": "委党组成员" },
            { "id": "party-secretary", "name": "党组书记" }
          ],
          "fields": [
            { "id": "item", "label": "事项", "type": "text", "required": true },
            { "id": "informant", "label": "举报人", "type": "text", "confidential": { "visibleTo": ["personnel-section"] } }
          ],
          "caseTitle": ["item", "informant"],
          "start": "propose",
          "steps": [
            { "id": "propose", "kind": "task", "name": "提出议题", "role": "personnel-section", "actions": [ { "id": "submit", "name": "提交党组会", "to": "meeting", "issues": "acceptance-notice" } ] },
            { "id": "meeting", "kind": "vote", "name": "党组会研究决定", "members": "party-group-member", "chair": "party-secretary",
              "quorum": "two-thirds", "pass": { "base": "members", "threshold": "more-than-half" }, "ballot": "{{ballot}}", "chairSpeaksLast": false,
              "outcomes": { "passed": "done", "rejected": "done" } },
            { "id": "done", "kind": "end", "name": "办结", "outcome": "completed" }
          ]
        }
        """;
}
