using System.Data.Common;
using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// The statements of the case write path, in plain parameterized SQL that SQLite and PostgreSQL both accept,
/// each prepared once on the write connection. A statement costs a few microseconds here, where a
/// change-tracked save costs tens per row: an action must cost about one small transaction.
/// </summary>
internal sealed partial class CaseRows(WriteConnection connection, DbTransaction transaction, StoreDialect dialect = StoreDialect.Sqlite)
{
    internal DbTransaction Transaction => transaction;

    private const string CaseColumns =
        "id, case_no, definition_id, definition_version, title, status, outcome, started_at, started_by, closed_at, version, state_json, history_count, last_hash, next_timer_at, state_hash, anchor_key_id, anchor_mac, late_at";

    public ChainKeyRing Keys => connection.Keys;

    /// <summary>
    /// The case, locked for this transaction on PostgreSQL: commands on one case from several nodes then take turns, so
    /// the later one sees the earlier one's result (a stale version, a task gone) rather than writing the same rows
    /// (document numbers, history) beside it. SQLite has one writer anyway.
    /// </summary>
    public async Task<CaseRecord?> LoadAsync(string id, CancellationToken ct) =>
        (await ReadCasesAsync(Command($"SELECT {CaseColumns} FROM cases WHERE id = @id" + (dialect == StoreDialect.Postgres ? " FOR UPDATE" : ""),
            ("@id", id)), ct)).SingleOrDefault();

    public Task<List<CaseRecord>> RunningAsync(CancellationToken ct) =>
        ReadCasesAsync(Command($"SELECT {CaseColumns} FROM cases WHERE status = 'running'"), ct);

    /// <summary>The highest case number of a year ("2026-000123"), by an index range rather than LIKE.</summary>
    public async Task<string?> LastCaseNumberAsync(string year, CancellationToken ct)
    {
        var command = Command("SELECT MAX(case_no) FROM cases WHERE case_no >= @from AND case_no < @to",
            ("@from", year + "-"), ("@to", year + "."));
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>
    /// Takes the lock that orders case numbers among nodes, until the transaction ends. SQLite's one writer
    /// needs none; on PostgreSQL two nodes starting cases at once would otherwise pick the same number.
    /// </summary>
    public async Task LockCaseNumbersAsync(CancellationToken ct)
    {
        if (dialect == StoreDialect.Postgres) await Command("SELECT pg_advisory_xact_lock(7201001)").ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Cases whose next timer is due by <paramref name="upTo"/>, earliest first. On PostgreSQL the rows are locked
    /// for this transaction and rows another node is writing are skipped, so nodes never fire the same case twice.
    /// </summary>
    public Task<List<CaseRecord>> DueAsync(DateTimeOffset upTo, int limit, CancellationToken ct) => ReadCasesAsync(Command(
        $"SELECT {CaseColumns} FROM cases WHERE next_timer_at <= @upTo ORDER BY next_timer_at, id LIMIT @limit" +
        (dialect == StoreDialect.Postgres ? " FOR UPDATE SKIP LOCKED" : ""), ("@upTo", upTo.UtcTicks), ("@limit", limit)), ct);

    private static async Task<List<CaseRecord>> ReadCasesAsync(DbCommand query, CancellationToken ct)
    {
        await using var reader = await query.ExecuteReaderAsync(ct);
        var cases = new List<CaseRecord>();
        while (await reader.ReadAsync(ct)) cases.Add(Read(reader));
        return cases;
    }

    private static CaseRecord Read(DbDataReader r) => new()
    {
        Id = r.GetString(0), CaseNo = r.GetString(1), DefinitionId = r.GetString(2), DefinitionVersion = r.GetInt32(3), Title = r.GetString(4),
        Status = r.GetString(5), Outcome = r.IsDBNull(6) ? null : r.GetString(6), StartedAt = Instant(r.GetInt64(7)), StartedBy = r.GetString(8),
        ClosedAt = r.IsDBNull(9) ? null : Instant(r.GetInt64(9)), Version = r.GetInt64(10), StateJson = r.GetString(11),
        HistoryCount = r.GetInt64(12), LastHash = r.GetString(13), NextTimerAt = r.IsDBNull(14) ? null : Instant(r.GetInt64(14)),
        StateHash = r.IsDBNull(15) ? null : r.GetString(15), AnchorKeyId = r.IsDBNull(16) ? null : r.GetString(16), AnchorMac = r.IsDBNull(17) ? null : r.GetString(17), LateAt = r.IsDBNull(18) ? null : Instant(r.GetInt64(18)),
    };

    private static DateTimeOffset Instant(long ticks) => UtcTicksConverter.FromTicks(ticks);

    public Task InsertCaseAsync(CaseRecord c, CancellationToken ct) => Execute(
        $"INSERT INTO cases ({CaseColumns}) VALUES (@id, @no, @def, @ver, @title, @status, @outcome, @started, @by, @closed, @version, @state, @count, @hash, @next, @stateHash, @key, @mac, @late)", ct,
        ("@id", c.Id), ("@no", c.CaseNo), ("@def", c.DefinitionId), ("@ver", c.DefinitionVersion), ("@title", c.Title), ("@status", c.Status),
        ("@outcome", c.Outcome), ("@started", c.StartedAt.UtcTicks), ("@by", c.StartedBy), ("@closed", c.ClosedAt?.UtcTicks), ("@version", c.Version),
        ("@state", c.StateJson), ("@count", c.HistoryCount), ("@hash", c.LastHash), ("@next", c.NextTimerAt?.UtcTicks),
        ("@stateHash", c.StateHash), ("@key", c.AnchorKeyId), ("@mac", c.AnchorMac), ("@late", c.LateAt?.UtcTicks));

    /// <summary>
    /// Updates the case if it is still the version of <paramref name="was"/>; false when someone else changed it first.
    /// SQLite rewrites an index whenever one of its columns is assigned, even to the same value, so the columns the lists
    /// are indexed on are assigned only when they changed.
    /// </summary>
    public async Task<bool> UpdateCaseAsync(CaseRecord c, CaseRecord was, CancellationToken ct)
    {
        var standing = c.Status != was.Status || c.Outcome != was.Outcome || c.ClosedAt != was.ClosedAt || c.DefinitionVersion != was.DefinitionVersion;
        var timer = c.NextTimerAt != was.NextTimerAt;
        var parameters = new List<(string, object?)>(15)
        {
            ("@version", c.Version), ("@state", c.StateJson), ("@count", c.HistoryCount), ("@hash", c.LastHash), ("@stateHash", c.StateHash),
            ("@key", c.AnchorKeyId), ("@mac", c.AnchorMac), ("@late", c.LateAt?.UtcTicks),
        };
        if (standing) parameters.AddRange([("@ver", c.DefinitionVersion), ("@status", c.Status), ("@outcome", c.Outcome), ("@closed", c.ClosedAt?.UtcTicks)]);
        if (timer) parameters.Add(("@next", c.NextTimerAt?.UtcTicks));
        parameters.AddRange([("@id", c.Id), ("@expected", was.Version)]);
        return await ExecuteCount(
            "UPDATE cases SET version = @version, state_json = @state, history_count = @count, last_hash = @hash, state_hash = @stateHash, " +
            "anchor_key_id = @key, anchor_mac = @mac, late_at = @late" +
            (standing ? ", definition_version = @ver, status = @status, outcome = @outcome, closed_at = @closed" : "") +
            (timer ? ", next_timer_at = @next" : "") +
            " WHERE id = @id AND version = @expected", ct, [.. parameters]) == 1;
    }

    public Task SetNextTimerAsync(string caseId, DateTimeOffset? next, CancellationToken ct) =>
        Execute("UPDATE cases SET next_timer_at = @next WHERE id = @id", ct, ("@next", next?.UtcTicks), ("@id", caseId));

    /// <summary>Appends history entries with one multi-row statement.</summary>
    public Task InsertHistoryAsync(IReadOnlyList<HistoryRecord> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return Task.CompletedTask;
        var values = new List<string>(entries.Count);
        var parameters = new List<(string, object?)>(entries.Count * 14);
        for (var i = 0; i < entries.Count; i++)
        {
            var h = entries[i];
            values.Add($"(@c{i}, @s{i}, @t{i}, @at{i}, @a{i}, @n{i}, @task{i}, @step{i}, @act{i}, @op{i}, @d{i}, @sum{i}, @p{i}, @h{i})");
            parameters.AddRange([
                ($"@c{i}", h.CaseId), ($"@s{i}", h.Sequence), ($"@t{i}", h.Type), ($"@at{i}", h.At.UtcTicks), ($"@a{i}", h.ActorId),
                ($"@n{i}", h.ActorName), ($"@task{i}", h.TaskId), ($"@step{i}", h.StepId), ($"@act{i}", h.ActionId), ($"@op{i}", h.Opinion),
                ($"@d{i}", h.DataJson), ($"@sum{i}", h.Summary), ($"@p{i}", h.PreviousHash), ($"@h{i}", h.Hash)]);
        }
        return Execute("INSERT INTO history (case_id, sequence, type, at, actor_id, actor_name, task_id, step_id, action_id, opinion, data_json, " +
                       "summary, previous_hash, hash) VALUES " + string.Join(", ", values), ct, parameters.ToArray());
    }

    /// <summary>The task and deadline rows stored for every case that has any, by case id.</summary>
    public async Task<Dictionary<string, DerivedRows>> LoadAllDerivedAsync(CancellationToken ct)
    {
        var tasks = new List<(string CaseId, TaskRow Row)>();
        var taskQuery = Command("SELECT case_id, task_id, step_id, step_name, kind, role, entered_at, due_at, warn_at, provisional, assigned_to, assignees FROM tasks");
        await using (var r = await taskQuery.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                tasks.Add((r.GetString(0), new TaskRow(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                    Instant(r.GetInt64(6)), r.IsDBNull(7) ? null : Instant(r.GetInt64(7)), r.IsDBNull(8) ? null : Instant(r.GetInt64(8)), r.GetBoolean(9),
                    r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11))));
        var copies = new List<(string CaseId, CarbonCopyRow Row)>();
        await using (var r = await Command("SELECT case_id, post, task_id, step_id, cc_at FROM case_cc").ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                copies.Add((r.GetString(0), new CarbonCopyRow(r.GetString(1), r.GetString(2), r.GetString(3), Instant(r.GetInt64(4)))));
        var deadlines = new List<(string CaseId, DeadlineRow Row)>();
        var deadlineQuery = Command("SELECT case_id, \"limit\", duration, due_at, warn_at, provisional, paused FROM deadlines");
        await using (var r = await deadlineQuery.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                deadlines.Add((r.GetString(0), new DeadlineRow(r.GetString(1), r.GetString(2), Instant(r.GetInt64(3)),
                    r.IsDBNull(4) ? null : Instant(r.GetInt64(4)), r.GetBoolean(5), r.GetBoolean(6))));
        var tasksByCase = tasks.ToLookup(t => t.CaseId, t => t.Row);
        var deadlinesByCase = deadlines.ToLookup(d => d.CaseId, d => d.Row);
        var copiesByCase = copies.ToLookup(c => c.CaseId, c => c.Row);
        return tasksByCase.Select(g => g.Key).Union(deadlinesByCase.Select(g => g.Key)).Union(copiesByCase.Select(g => g.Key))
            .ToDictionary(id => id, id => new DerivedRows(tasksByCase[id].ToList(), deadlinesByCase[id].ToList(), null)
            {
                CarbonCopies = copiesByCase[id].ToList(),
            });
    }

    /// <summary>The task, and its <c>task_assignees</c> rows when it was named to people.</summary>
    public async Task DeleteTaskAsync(string caseId, TaskRow t, CancellationToken ct)
    {
        await Execute("DELETE FROM tasks WHERE case_id = @case AND task_id = @task", ct, ("@case", caseId), ("@task", t.TaskId));
        if (t.Assignees is not null)
            await Execute("DELETE FROM task_assignees WHERE case_id = @case AND task_id = @task", ct, ("@case", caseId), ("@task", t.TaskId));
    }

    /// <summary>The task, and one <c>task_assignees</c> row for each person it is named to.</summary>
    public async Task InsertTaskAsync(string caseId, string definitionId, TaskRow t, CancellationToken ct)
    {
        await Execute(
            "INSERT INTO tasks (case_id, task_id, step_id, step_name, kind, role, definition_id, entered_at, due_at, warn_at, provisional, assigned_to, assignees) " +
            "VALUES (@case, @task, @step, @name, @kind, @role, @def, @entered, @due, @warn, @provisional, @assigned, @assignees)", ct,
            ("@case", caseId), ("@task", t.TaskId), ("@step", t.StepId), ("@name", t.StepName), ("@kind", t.Kind), ("@role", t.Role), ("@def", definitionId),
            ("@entered", t.EnteredAt.UtcTicks), ("@due", t.DueAt?.UtcTicks), ("@warn", t.WarnAt?.UtcTicks), ("@provisional", t.Provisional),
            ("@assigned", t.AssignedTo), ("@assignees", t.Assignees));
        foreach (var person in t.NamedPeople)
            await Execute("INSERT INTO task_assignees (user_id, case_id, task_id) VALUES (@user, @case, @task)", ct,
                ("@user", person), ("@case", caseId), ("@task", t.TaskId));
    }

    public Task DeleteUrgeAsync(string caseId, string urgeId, CancellationToken ct) =>
        Execute("DELETE FROM urges WHERE case_id = @case AND urge_id = @urge", ct, ("@case", caseId), ("@urge", urgeId));

    public Task InsertUrgeAsync(string caseId, UrgeRow u, CancellationToken ct) => Execute(
        "INSERT INTO urges (case_id, urge_id, kind, task_id, by_id, by_name, message, at, reply_by, addressed_to, addressed_name, answer, " +
        "answered_by_name, answered_at, late) VALUES (@case, @urge, @kind, @task, @by, @byName, @message, @at, @replyBy, @to, @toName, @answer, " +
        "@answeredBy, @answeredAt, @late)", ct,
        ("@case", caseId), ("@urge", u.UrgeId), ("@kind", u.Kind), ("@task", u.TaskId), ("@by", u.ById), ("@byName", u.ByName), ("@message", u.Message),
        ("@at", u.At.UtcTicks), ("@replyBy", u.ReplyBy.UtcTicks), ("@to", u.AddressedTo), ("@toName", u.AddressedName), ("@answer", u.Answer),
        ("@answeredBy", u.AnsweredByName), ("@answeredAt", u.AnsweredAt?.UtcTicks), ("@late", u.Late));

    public Task DeleteCarbonCopyAsync(string caseId, CarbonCopyRow c, CancellationToken ct) =>
        Execute("DELETE FROM case_cc WHERE case_id = @case AND post = @post AND task_id = @task", ct,
            ("@case", caseId), ("@post", c.Post), ("@task", c.TaskId));

    public Task InsertCarbonCopyAsync(string caseId, string definitionId, CarbonCopyRow c, CancellationToken ct) => Execute(
        "INSERT INTO case_cc (case_id, post, task_id, step_id, definition_id, cc_at) VALUES (@case, @post, @task, @step, @def, @at)", ct,
        ("@case", caseId), ("@post", c.Post), ("@task", c.TaskId), ("@step", c.StepId), ("@def", definitionId), ("@at", c.At.UtcTicks));

    public Task DeleteDeadlineAsync(string caseId, string limit, CancellationToken ct) =>
        Execute("DELETE FROM deadlines WHERE case_id = @case AND \"limit\" = @limit", ct, ("@case", caseId), ("@limit", limit));

    public Task InsertDeadlineAsync(string caseId, string definitionId, DeadlineRow d, CancellationToken ct) => Execute(
        "INSERT INTO deadlines (case_id, \"limit\", definition_id, duration, due_at, warn_at, provisional, paused) " +
        "VALUES (@case, @limit, @def, @duration, @due, @warn, @provisional, @paused)", ct,
        ("@case", caseId), ("@limit", d.Limit), ("@def", definitionId), ("@duration", d.Duration), ("@due", d.DueAt.UtcTicks),
        ("@warn", d.WarnAt?.UtcTicks), ("@provisional", d.Provisional), ("@paused", d.Paused));

    /// <summary>Stores the alert unless that case, step, limit and level already has one; returns its id, or null when it did.</summary>
    public async Task<long?> InsertAlertOnceAsync(AlertRecord a, CancellationToken ct)
    {
        var command = Command(
            "INSERT INTO alerts (case_id, case_no, case_title, definition_id, task_key, step_id, step_name, \"limit\", level, due_at, raised_at, provisional, status) " +
            "VALUES (@case, @no, @title, @def, @task, @step, @name, @limit, @level, @due, @raised, @provisional, @status) " +
            "ON CONFLICT (case_id, task_key, \"limit\", level) DO NOTHING RETURNING id",
            ("@case", a.CaseId), ("@no", a.CaseNo), ("@title", a.CaseTitle), ("@def", a.DefinitionId), ("@task", a.TaskKey), ("@step", a.StepId),
            ("@name", a.StepName), ("@limit", a.Limit), ("@level", a.Level), ("@due", a.DueAt.UtcTicks), ("@raised", a.RaisedAt.UtcTicks),
            ("@provisional", a.Provisional), ("@status", a.Status));
        return await command.ExecuteScalarAsync(ct) is { } id and not DBNull ? Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>On PostgreSQL, tells every node (LISTEN) about these new alerts when the transaction commits.</summary>
    public async Task NotifyAlertsAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        if (dialect != StoreDialect.Postgres || ids.Count == 0) return;
        await Command("SELECT pg_notify(@channel, @ids)", ("@channel", StoreChannels.Alerts),
            ("@ids", string.Join(",", ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))))).ExecuteNonQueryAsync(ct);
    }

    /// <summary>How many open deadlines (case limits and step limits) still rest on the provisional calendar.</summary>
    public async Task<int> ProvisionalCountAsync(CancellationToken ct) => Convert.ToInt32(await Command(
        "SELECT (SELECT COUNT(*) FROM deadlines WHERE provisional = @yes) + (SELECT COUNT(*) FROM tasks WHERE provisional = @yes)", ("@yes", true))
        .ExecuteScalarAsync(ct),
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stores a year's calendar, replacing the one stored before.</summary>
    public async Task StoreCalendarYearAsync(CalendarRecord c, CancellationToken ct)
    {
        await Execute("DELETE FROM calendars WHERE year = @year", ct, ("@year", c.Year));
        await Execute("INSERT INTO calendars (year, json, source, loaded_at, loaded_by) VALUES (@year, @json, @source, @at, @by)", ct,
            ("@year", c.Year), ("@json", c.Json), ("@source", c.Source), ("@at", c.LoadedAt.UtcTicks), ("@by", c.LoadedBy));
    }

    public Task InsertRiskEventAsync(RiskEventRecord r, CancellationToken ct) => Execute(
        "INSERT INTO risk_events (case_id, definition_id, risk_point_id, level, risk_text, check_name, step_id, step_name, task_id, actor_id, actor_name, at, message, outcome) " +
        "VALUES (@case, @def, @risk, @level, @text, @check, @step, @name, @task, @actor, @actorName, @at, @message, @outcome)", ct,
        ("@case", r.CaseId), ("@def", r.DefinitionId), ("@risk", r.RiskPointId), ("@level", r.Level), ("@text", r.RiskText), ("@check", r.CheckName),
        ("@step", r.StepId), ("@name", r.StepName), ("@task", r.TaskId), ("@actor", r.ActorId), ("@actorName", r.ActorName), ("@at", r.At.UtcTicks),
        ("@message", r.Message), ("@outcome", r.Outcome));

    public Task InsertNotificationAsync(NotificationRecord n, CancellationToken ct) => Execute(
        "INSERT INTO notifications (id, kind, channel, user_id, recipient, case_id, task_id, subject, body, payload_json, created_at, attempts, next_attempt_at) " +
        "VALUES (@id, @kind, @channel, @user, @recipient, @case, @task, @subject, @body, @payload, @created, 0, 0)", ct,
        ("@id", n.Id), ("@kind", n.Kind), ("@channel", n.Channel), ("@user", n.UserId), ("@recipient", n.Recipient), ("@case", n.CaseId),
        ("@task", n.TaskId), ("@subject", n.Subject), ("@body", n.Body), ("@payload", n.PayloadJson), ("@created", n.CreatedAt.UtcTicks));

    /// <summary>On PostgreSQL, tells every node about these work signals (a JSON array) when the transaction commits.</summary>
    public async Task NotifyWorkAsync(string payload, CancellationToken ct)
    {
        if (dialect != StoreDialect.Postgres) return;
        await Command("SELECT pg_notify(@channel, @payload)", ("@channel", StoreChannels.Work), ("@payload", payload)).ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Leases up to <paramref name="limit"/> due, undelivered notifications to <paramref name="node"/> until <paramref name="until"/>
    /// and counts the attempt. A row leased by a node that died is due again once its lease ran out. On PostgreSQL rows another
    /// node is claiming at the same moment are skipped, so each row goes to one node.
    /// </summary>
    public async Task<List<NotificationRecord>> ClaimNotificationsAsync(string node, DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken ct)
    {
        var command = Command(
            "UPDATE notifications SET claimed_by = @node, claimed_until = @until, attempts = attempts + 1 WHERE id IN (" +
            "SELECT id FROM notifications WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= @now " +
            "AND (claimed_until IS NULL OR claimed_until < @now) ORDER BY next_attempt_at, id LIMIT @limit" +
            (dialect == StoreDialect.Postgres ? " FOR UPDATE SKIP LOCKED" : "") + ") " +
            "RETURNING id, kind, channel, user_id, recipient, case_id, task_id, subject, body, payload_json, created_at, attempts",
            ("@node", node), ("@until", until.UtcTicks), ("@now", now.UtcTicks), ("@limit", limit));
        var claimed = new List<NotificationRecord>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            claimed.Add(new NotificationRecord
            {
                Id = r.GetString(0), Kind = r.GetString(1), Channel = r.GetString(2), UserId = r.GetString(3), Recipient = r.IsDBNull(4) ? null : r.GetString(4),
                CaseId = r.GetString(5), TaskId = r.IsDBNull(6) ? null : r.GetString(6), Subject = r.GetString(7), Body = r.GetString(8),
                PayloadJson = r.GetString(9), CreatedAt = Instant(r.GetInt64(10)), Attempts = r.GetInt32(11), ClaimedBy = node, ClaimedUntil = until,
            });
        return claimed;
    }

    public Task MarkNotificationDeliveredAsync(string id, DateTimeOffset at, CancellationToken ct) => Execute(
        "UPDATE notifications SET delivered_at = @at, claimed_by = NULL, claimed_until = NULL, last_error = NULL WHERE id = @id", ct,
        ("@at", at.UtcTicks), ("@id", id));

    /// <summary>Releases a failed attempt: due again at <paramref name="next"/>, or given up when <paramref name="failedAt"/> is set.</summary>
    public Task MarkNotificationFailedAsync(string id, string error, DateTimeOffset next, DateTimeOffset? failedAt, CancellationToken ct) => Execute(
        "UPDATE notifications SET claimed_by = NULL, claimed_until = NULL, next_attempt_at = @next, last_error = @error, failed_at = @failed " +
        "WHERE id = @id AND delivered_at IS NULL", ct,
        ("@next", next.UtcTicks), ("@error", error), ("@failed", failedAt?.UtcTicks), ("@id", id));

    private async Task Execute(string sql, CancellationToken ct, params (string, object?)[] parameters) => await ExecuteCount(sql, ct, parameters);

    private Task<int> ExecuteCount(string sql, CancellationToken ct, params (string, object?)[] parameters) =>
        Command(sql, parameters).ExecuteNonQueryAsync(ct);

    private DbCommand Command(string sql, params (string Name, object? Value)[] parameters) => connection.Statement(sql, transaction, parameters);
}
