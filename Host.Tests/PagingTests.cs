using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>Every list is paged by keyset in the database: each row exactly once, in order, whatever the ties.</summary>
public class PagingTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse(WorkflowHost.DefaultStart);

    private static async Task ExecAsync(string database, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Cases c0000…, with a case row each, made directly in SQL (fast; the rows the lists read).</summary>
    private static Task AddCasesAsync(string database, int count, string status = "running") => ExecAsync(database, """
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $count)
        INSERT INTO cases (id, definition_id, definition_version, title, status, outcome, started_at, started_by, closed_at, version,
                           state_json, history_count, last_hash, next_timer_at, case_no)
        SELECT printf('c%04d', i), 'licensing-approval', 1, '批量案件' || i, $status, NULL, $start + (i % 5) * 10000000, 'window', NULL, 1,
               '{}', 0, '', NULL, printf('2099-%06d', i) FROM n
        """, ("$count", count), ("$status", status), ("$start", Now.UtcTicks));

    private static async Task<List<JsonElement>> AllPagesAsync(HttpClient client, string url, int limit)
    {
        var rows = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var sep = url.Contains('?') ? '&' : '?';
            var reply = await client.Get($"{url}{sep}limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            reply.Status.Should().Be(HttpStatusCode.OK, reply.Body.ToString());
            rows.AddRange(reply.Items.EnumerateArray());
            reply.Items.GetArrayLength().Should().BeLessThanOrEqualTo(limit);
            var next = reply.Body.GetProperty("next");
            cursor = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
            (++pages).Should().BeLessThan(10_000);
        } while (cursor is not null);
        return rows;
    }

    [Test]
    public async Task The_work_list_pages_every_task_once_most_urgent_first_with_ties_and_no_limit_last()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var clerk = await host.LoginAsync("window");
        await AddCasesAsync(host.DatabasePath, 130);
        // Three due instants and none, two arrival instants: many rows tie on (due, entered) and are ordered by case and task.
        await ExecAsync(host.DatabasePath, """
            INSERT INTO tasks (case_id, task_id, step_id, step_name, kind, role, definition_id, entered_at, due_at, warn_at, provisional)
            SELECT id, 't' || (CAST(substr(id, 2) AS INTEGER) % 2), 'intake', '受理', 'task', 'approval-window', definition_id,
                   $now + (CAST(substr(id, 2) AS INTEGER) % 2) * 10000000,
                   CASE CAST(substr(id, 2) AS INTEGER) % 4 WHEN 3 THEN NULL ELSE $now + (CAST(substr(id, 2) AS INTEGER) % 3) * 864000000000 END,
                   NULL, 0
            FROM cases
            """, ("$now", Now.UtcTicks));

        var rows = await AllPagesAsync(clerk, "/api/tasks", 7);
        var keys = rows.Select(r => (Due: r.GetProperty("dueAt").ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : r.GetProperty("dueAt").GetDateTimeOffset(),
            Entered: r.GetProperty("enteredAt").GetDateTimeOffset(), Case: r.GetProperty("caseId").GetString()!, Task: r.GetProperty("taskId").GetString()!)).ToList();
        keys.Should().HaveCount(130);
        keys.Select(k => (k.Case, k.Task)).Should().OnlyHaveUniqueItems();
        keys.Should().Equal(keys.OrderBy(k => k.Due is null).ThenBy(k => k.Due).ThenBy(k => k.Entered).ThenBy(k => k.Case, StringComparer.Ordinal)
            .ThenBy(k => k.Task, StringComparer.Ordinal));
        keys.Last().Due.Should().BeNull("tasks without a limit come last");
    }

    [Test]
    public async Task Limits_and_cursors_are_checked_with_a_chinese_message()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var clerk = await host.LoginAsync("window");
        var supervisor = await host.LoginAsync("supervisor");
        foreach (var (client, url) in new[] { (clerk, "/api/tasks"), (clerk, "/api/cases"), (supervisor, "/api/deadlines"), (supervisor, "/api/alerts"), (supervisor, "/api/risk-events") })
        {
            (await client.Get(url)).Body.GetProperty("next").ValueKind.Should().Be(JsonValueKind.Null);
            (await client.Get($"{url}?limit=200")).Status.Should().Be(HttpStatusCode.OK);
            foreach (var bad in new[] { "limit=0", "limit=201", "limit=abc", "cursor=%%%", "cursor=bm90LWpzb24", "cursor=WyJ4IiwieSIsInoiLCJ3Il0" })
            {
                var reply = await client.Get($"{url}?{bad}");
                reply.Status.Should().Be(HttpStatusCode.BadRequest, $"{url}?{bad}");
                reply.Detail.Should().MatchRegex(@"\p{IsCJKUnifiedIdeographs}", $"{url}?{bad}");
            }
        }
    }

    [Test]
    public async Task The_level_filter_agrees_with_the_core_at_the_boundary_instants_and_pages_every_deadline()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var supervisor = await host.LoginAsync("supervisor");
        await AddCasesAsync(host.DatabasePath, 60);
        var t = Now.UtcTicks;
        // Due exactly now (red), one tick later with the warning exactly now (yellow), warning one tick later (normal), no warning.
        long?[][] shapes = [[t, null], [t + 1, t], [t + 2, t + 1], [t + 1, null], [t - 1, t - 2], [t, t]];
        for (var i = 0; i < 60; i++)
        {
            var (due, warn) = (shapes[i % shapes.Length][0]!.Value, shapes[i % shapes.Length][1]);
            await ExecAsync(host.DatabasePath, """
                INSERT INTO deadlines (case_id, "limit", definition_id, duration, due_at, warn_at, provisional, paused)
                VALUES ($case, 'statutory', 'licensing-approval', '20wd', $due, $warn, 0, 0);
                INSERT INTO tasks (case_id, task_id, step_id, step_name, kind, role, definition_id, entered_at, due_at, warn_at, provisional)
                VALUES ($case, 't1', 'review', '审核', 'task', 'approval-review', 'licensing-approval', $entered, $due, $warn, 0);
                """, ("$case", $"c{i:0000}"), ("$due", due), ("$warn", warn), ("$entered", t - 100));
        }

        var all = await AllPagesAsync(supervisor, "/api/deadlines", 9);
        all.Should().HaveCount(120);
        all.Select(r => (r.GetProperty("caseId").GetString(), r.GetProperty("limit").GetString())).Should().OnlyHaveUniqueItems();
        all.Select(r => r.GetProperty("dueAt").GetDateTimeOffset()).Should().BeInAscendingOrder();
        foreach (var r in all)
        {
            var due = r.GetProperty("dueAt").GetDateTimeOffset();
            var warn = r.GetProperty("warnAt").ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : r.GetProperty("warnAt").GetDateTimeOffset();
            r.GetProperty("level").GetString().Should().Be(DeadlineStanding.Level(due, warn, Now).ToString().ToLowerInvariant());
        }
        foreach (var level in new[] { "red", "yellow", "normal" })
        {
            var filtered = await AllPagesAsync(supervisor, $"/api/deadlines?level={level}", 5);
            filtered.Select(r => (r.GetProperty("caseId").GetString(), r.GetProperty("limit").GetString())).Should()
                .BeEquivalentTo(all.Where(r => r.GetProperty("level").GetString() == level).Select(r => (r.GetProperty("caseId").GetString(), r.GetProperty("limit").GetString())));
        }
        (await AllPagesAsync(supervisor, "/api/deadlines?level=red", 50)).Should().HaveCount(60, "due now or before is red: shapes 0, 4 and 5");
        (await AllPagesAsync(supervisor, "/api/deadlines?level=yellow", 50)).Should().HaveCount(20, "warning exactly now");
        (await AllPagesAsync(supervisor, "/api/deadlines?stepId=review", 50)).Should().HaveCount(60).And.OnlyContain(r => r.GetProperty("limit").GetString() == "step");
    }

    [Test]
    public async Task Case_search_pages_newest_first_and_finds_by_number_or_title()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var clerk = await host.LoginAsync("window");
        await AddCasesAsync(host.DatabasePath, 45);
        var rows = await AllPagesAsync(clerk, "/api/cases?status=running", 4);
        rows.Should().HaveCount(45);
        rows.Select(r => r.GetProperty("id").GetString()).Should().OnlyHaveUniqueItems();
        var keys = rows.Select(r => (r.GetProperty("startedAt").GetDateTimeOffset(), r.GetProperty("id").GetString()!)).ToList();
        keys.Should().Equal(keys.OrderByDescending(k => k.Item1).ThenByDescending(k => k.Item2, StringComparer.Ordinal));
        (await AllPagesAsync(clerk, "/api/cases?q=2099-000012", 10)).Should().ContainSingle();
        (await AllPagesAsync(clerk, "/api/cases?q=批量案件4", 10)).Should().HaveCount(6, "4 and 40…44");
    }

    [Test]
    public async Task Alerts_beyond_a_thousand_are_all_reachable()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var supervisor = await host.LoginAsync("supervisor");
        await ExecAsync(host.DatabasePath, """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < 1200)
            INSERT INTO alerts (case_id, case_no, case_title, definition_id, task_key, step_id, step_name, "limit", level, due_at, raised_at, provisional, status)
            SELECT printf('c%04d', i), printf('2099-%06d', i), '案件', 'licensing-approval', '', NULL, NULL, 'statutory', 'red', $now, $now + (i % 7), 0, 'open' FROM n
            """, ("$now", Now.UtcTicks));
        var rows = await AllPagesAsync(supervisor, "/api/alerts?status=open", 200);
        rows.Should().HaveCount(1200);
        rows.Select(r => r.GetProperty("id").GetInt64()).Should().OnlyHaveUniqueItems();
        (await AllPagesAsync(supervisor, "/api/alerts", 200)).Should().HaveCount(1200);
    }

    [Test]
    public async Task The_risk_ledger_csv_holds_every_matching_row_beyond_five_thousand()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var supervisor = await host.LoginAsync("supervisor");
        await ExecAsync(host.DatabasePath, """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < 6500)
            INSERT INTO risk_events (case_id, definition_id, risk_point_id, level, risk_text, check_name, step_id, step_name, task_id, actor_id, actor_name, at, message)
            SELECT printf('c%04d', i), 'licensing-approval', 'R1', 1 + i % 3, '风险, "内容"', '检查', 'review', '审核', NULL, 'reviewer', '审核员', $now - i * 10000000, '说明' FROM n
            """, ("$now", Now.UtcTicks));
        var csv = await supervisor.GetStringAsync("/api/risk-events?format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(6501, "the header and every row");
        lines[1].Should().Contain("\"风险, \"\"内容\"\"\"");
        (await supervisor.GetStringAsync("/api/risk-events?format=csv&level=1")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2167 + 1);
        (await AllPagesAsync(supervisor, "/api/risk-events?level=2", 200)).Should().HaveCount(2167);
    }

    [Test]
    public async Task Each_list_query_reads_an_index_in_order()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        (await host.LoginAsync("window")).Dispose();
        string[] queries =
        [
            "SELECT * FROM tasks WHERE role = 'r' AND due_at IS NOT NULL AND due_at >= 1 ORDER BY due_at, entered_at, case_id, task_id LIMIT 51",
            "SELECT * FROM tasks WHERE role = 'r' AND due_at IS NULL ORDER BY entered_at, case_id, task_id LIMIT 51",
            "SELECT * FROM tasks WHERE due_at IS NOT NULL AND due_at <= 5 ORDER BY due_at, case_id, task_id LIMIT 51",
            "SELECT * FROM tasks WHERE due_at IS NOT NULL AND definition_id = 'd' AND due_at > 5 ORDER BY due_at, case_id, task_id LIMIT 51",
            "SELECT * FROM tasks WHERE due_at IS NOT NULL AND step_id = 's' ORDER BY due_at, case_id, task_id LIMIT 51",
            "SELECT * FROM deadlines WHERE due_at <= 5 ORDER BY due_at, case_id, \"limit\" LIMIT 51",
            "SELECT * FROM deadlines WHERE definition_id = 'd' AND due_at > 5 AND warn_at <= 5 ORDER BY due_at, case_id, \"limit\" LIMIT 51",
            "SELECT MAX(due_at - warn_at) FROM tasks",
            "SELECT MAX(due_at - warn_at) FROM deadlines",
            "SELECT id, case_no FROM cases ORDER BY started_at DESC, id DESC LIMIT 51",
            "SELECT id, case_no FROM cases WHERE status = 'running' AND started_at <= 5 ORDER BY started_at DESC, id DESC LIMIT 51",
            "SELECT id, case_no FROM cases WHERE definition_id = 'd' ORDER BY started_at DESC, id DESC LIMIT 51",
            "SELECT definition_id, MAX(definition_version), COUNT(*) FROM cases WHERE closed_at >= 1 AND closed_at < 9 GROUP BY definition_id",
            "SELECT * FROM alerts ORDER BY raised_at DESC, id DESC LIMIT 51",
            "SELECT * FROM alerts WHERE status = 'open' ORDER BY raised_at DESC, id DESC LIMIT 51",
            "SELECT * FROM risk_events ORDER BY at DESC, id DESC LIMIT 51",
            "SELECT * FROM risk_events WHERE definition_id = 'd' ORDER BY at DESC, id DESC LIMIT 51",
            "SELECT * FROM risk_events WHERE level = 1 ORDER BY at DESC, id DESC LIMIT 51",
            "SELECT * FROM risk_events WHERE actor_id = 'a' ORDER BY at DESC, id DESC LIMIT 51",
        ];
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        foreach (var sql in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
            var text = string.Join(" | ", plan);
            text.Should().Contain("INDEX", sql);
            text.Should().NotContain("TEMP B-TREE FOR ORDER BY", sql);
            plan.Should().NotContain(p => System.Text.RegularExpressions.Regex.IsMatch(p, @"^SCAN \w+$"), sql);
        }
    }
}
